import type { User } from "@retrain/db";
import { builder } from "./builder.js";

export const UserRef = builder.objectRef<User>("User").implement({
  description: "A person with an account.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    email: t.exposeString("email", { description: "Sign-in email, lower-case." }),
    name: t.exposeString("name", { description: "Display name." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was made." }),
    isAdmin: t.exposeBoolean("isAdmin", {
      description: "The installation's administrator (its first account).",
    }),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: "The signed-in user, or null when not signed in.",
    resolve: (_root, _args, { services, caller }) => services.auth.me(caller),
  }),
);

builder.mutationFields((t) => ({
  updateProfile: t.field({
    type: UserRef,
    description: "Change the name others see.",
    args: { name: t.arg.string({ required: true, description: "1 to 100 characters." }) },
    resolve: (_r, args, { services, caller }) => services.account.rename(caller, args.name),
  }),
  deleteAccount: t.boolean({
    description:
      "Delete your account for good, confirmed with your password. What you made for your teams stays (without an author); a workspace you alone own needs another owner first (CONFLICT).",
    args: { password: t.arg.string({ required: true, description: "Your password." }) },
    resolve: async (_r, args, { services, caller, cookie }) => {
      await services.account.delete(caller, args.password);
      cookie.clear();
      return true;
    },
  }),
}));

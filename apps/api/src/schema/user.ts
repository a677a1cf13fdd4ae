import type { User } from "@retrain/db";
import { builder } from "./builder.js";

export const UserRef = builder.objectRef<User>("User").implement({
  description: "A person with an account.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    email: t.exposeString("email", { description: "Sign-in email, lower-case." }),
    name: t.exposeString("name", { description: "Display name." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was made." }),
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

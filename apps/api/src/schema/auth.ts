import type { User } from "@retrain/db";
import { builder } from "./builder.js";
import { UserRef } from "./user.js";

const AuthPayload = builder.objectRef<{ user: User; sessionToken: string }>("AuthPayload").implement({
  description: "The result of signing up or in. The session is also set as an HTTP-only cookie.",
  fields: (t) => ({
    user: t.field({ type: UserRef, description: "Who is signed in.", resolve: (p) => p.user }),
    sessionToken: t.exposeString("sessionToken", {
      description: "The session secret (the cookie's value), for clients that cannot keep cookies.",
    }),
  }),
});

builder.mutationField("signUp", (t) =>
  t.field({
    type: AuthPayload,
    description:
      "Create an account and sign in, as the sign-up policy allows (signInOptions.signUp; FORBIDDEN with the reason otherwise). With an invitation link's token the account joins that workspace at once. Limited per client address.",
    args: {
      email: t.arg.string({ required: true, description: "Sign-in email." }),
      name: t.arg.string({ required: true, description: "Display name." }),
      password: t.arg.string({ required: true, description: "8 to 1,024 characters." }),
      invitationToken: t.arg.string({
        description: "The token of an invitation link: needed to sign up when sign-ups are by invitation only.",
      }),
    },
    resolve: async (_root, args, { services, cookie, address }) => {
      const result = await services.auth.signUp(args, { address });
      cookie.set(result.sessionToken, result.expiresAt);
      return result;
    },
  }),
);

builder.mutationField("signIn", (t) =>
  t.field({
    type: AuthPayload,
    description:
      "Sign in with email and password. Attempts are limited per client address and per account (RATE_LIMITED, with retryAfterSeconds).",
    args: {
      email: t.arg.string({ required: true, description: "Sign-in email." }),
      password: t.arg.string({ required: true, description: "Password." }),
    },
    resolve: async (_root, args, { services, cookie, address }) => {
      const result = await services.auth.signIn(args, { address });
      cookie.set(result.sessionToken, result.expiresAt);
      return result;
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "End the current browser session.",
    resolve: async (_root, _args, { services, cookie }) => {
      if (cookie.current) await services.auth.signOut(cookie.current);
      cookie.clear();
      return true;
    },
  }),
);

builder.mutationFields((t) => ({
  signOutEverywhere: t.int({
    description:
      "End every browser session of your account, this one included; returns how many ended. With apiTokens, every API token is revoked too.",
    args: {
      apiTokens: t.arg.boolean({ defaultValue: false, description: "Revoke all your API tokens as well." }),
    },
    resolve: async (_root, args, { services, caller, cookie }) => {
      const ended = await services.auth.signOutEverywhere(caller, args.apiTokens ?? false);
      cookie.clear();
      return ended;
    },
  }),
  changePassword: t.boolean({
    description: "Change your password (the current one is needed); every other session of the account ends.",
    args: {
      currentPassword: t.arg.string({ required: true, description: "The password you sign in with now." }),
      newPassword: t.arg.string({ required: true, description: "8 to 1,024 characters." }),
    },
    resolve: (_root, args, { services, caller }) => services.auth.changePassword(caller, args),
  }),
}));

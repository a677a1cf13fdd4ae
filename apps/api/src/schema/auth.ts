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
    description: "Create an account and sign in. Pending invitations for the email are accepted.",
    args: {
      email: t.arg.string({ required: true, description: "Sign-in email." }),
      name: t.arg.string({ required: true, description: "Display name." }),
      password: t.arg.string({ required: true, description: "At least 8 characters." }),
    },
    resolve: async (_root, args, { services, cookie }) => {
      const result = await services.auth.signUp(args);
      cookie.set(result.sessionToken, result.expiresAt);
      return result;
    },
  }),
);

builder.mutationField("signIn", (t) =>
  t.field({
    type: AuthPayload,
    description: "Sign in with email and password. Pending invitations for the email are accepted.",
    args: {
      email: t.arg.string({ required: true, description: "Sign-in email." }),
      password: t.arg.string({ required: true, description: "Password." }),
    },
    resolve: async (_root, args, { services, cookie }) => {
      const result = await services.auth.signIn(args);
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

import type { ApiToken } from "@retrain/db";
import { builder } from "./builder.js";

export const TokenScopeEnum = builder.enumType("TokenScope", {
  description: "What an API token may do, on top of what its owner's roles allow.",
  values: {
    READ: { description: "Queries and subscriptions only." },
    PREDICT: { description: "The predict mutation only: for a service that classifies images and nothing else." },
    WRITE: { description: "Everything its owner may do." },
  } as const,
});

const ApiTokenRef = builder.objectRef<ApiToken>("ApiToken").implement({
  description: "A personal API token for scripts, sent as `Authorization: Bearer <secret>`.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    name: t.exposeString("name", { description: "What the token is for." }),
    prefix: t.exposeString("prefix", { description: "The secret's first characters, to recognise it." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
    scope: t.field({ type: TokenScopeEnum, description: "What it may do.", resolve: (token) => token.scope }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "After this it stops working." }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Last request made with it." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "Set once revoked." }),
  }),
});

const CreatedToken = builder.objectRef<{ token: ApiToken; secret: string }>("CreatedApiToken").implement({
  description: "A new token with its secret, shown this once only (only a hash is stored).",
  fields: (t) => ({
    token: t.field({ type: ApiTokenRef, description: "The token.", resolve: (p) => p.token }),
    secret: t.exposeString("secret", { description: "The secret to send as Bearer." }),
  }),
});

builder.queryField("apiTokens", (t) =>
  t.field({
    type: [ApiTokenRef],
    description: "The signed-in user's API tokens.",
    resolve: (_root, _args, { services, caller }) => services.apiTokens.list(caller),
  }),
);

builder.mutationField("createApiToken", (t) =>
  t.field({
    type: CreatedToken,
    description:
      "Create a personal API token (from a session or a WRITE token). A token made with a token never outlives it: its expiry is at most the parent's, and revoking the parent revokes it.",
    args: {
      name: t.arg.string({ required: true, description: "What the token is for." }),
      scope: t.arg({ type: TokenScopeEnum, defaultValue: "WRITE", description: "What it may do (WRITE by default)." }),
      expiresAt: t.arg({ type: "DateTime", description: "When it stops working (never, if not given)." }),
    },
    resolve: (_root, args, { services, caller }) => services.apiTokens.create(caller, args),
  }),
);

builder.mutationField("revokeApiToken", (t) =>
  t.boolean({
    description: "Revoke one of your tokens, and every token made with it; they stop working at once.",
    args: { id: t.arg.id({ required: true, description: "The token's id." }) },
    resolve: (_root, args, { services, caller }) => services.apiTokens.revoke(caller, args.id),
  }),
);

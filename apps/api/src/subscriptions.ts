import type http from "node:http";
import type { Db } from "@retrain/db";
import { GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { SessionCookie } from "./auth/session-cookie.js";
import type { ApiContext, Services } from "./context.js";
import { formatError } from "./errors.js";
import { parseOptions } from "./graphql-limits.js";
import { bearer } from "./http-guards.js";
import { createLoaders } from "./loaders.js";

/** Subscriptions one WebSocket may hold at once: a dashboard page needs one or two. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 10;

type Extra = { request: http.IncomingMessage; active?: Set<string> };

/**
 * GraphQL subscriptions over graphql-ws on the same port and path as queries. The caller is the
 * `authorization: Bearer ...` connection parameter, or the session cookie of the upgrade request. Browsers
 * send an Origin: upgrades from pages of other origins are refused (they would ride the victim's cookie).
 */
export function startSubscriptions(
  httpServer: http.Server,
  options: {
    schema: GraphQLSchema;
    services: Services;
    db: Db;
    modelCacheDir: string;
    validationRules: typeof specifiedRules;
    cookie: SessionCookie;
    origins: ReadonlySet<string>;
  },
) {
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: "/graphql",
    verifyClient: ({ origin }: { origin?: string }) => !origin || options.origins.has(origin),
  });
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...options.validationRules]),
      context: async (ctx): Promise<ApiContext> => {
        const token =
          bearer(String(ctx.connectionParams?.authorization ?? "")) ??
          options.cookie.read(ctx.extra.request.headers.cookie);
        return {
          services: options.services,
          caller: await options.services.auth.authenticate(token),
          loaders: createLoaders(options.db, options.modelCacheDir, { cache: false }),
          address: ctx.extra.request.socket.remoteAddress ?? "unknown",
          // Each update checks again that this credential still works (signed out, revoked, expired).
          reauthenticate: () => options.services.auth.authenticate(token),
          cookie: { current: token, set: () => {}, clear: () => {} },
        };
      },
      onSubscribe: (ctx, id, params) => {
        ctx.extra.active ??= new Set();
        if (ctx.extra.active.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION)
          return [
            new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, {
              extensions: { code: "RATE_LIMITED" },
            }),
          ];
        ctx.extra.active.add(id);
        try {
          parse(params.query, parseOptions); // the token limit, as on HTTP
        } catch (error) {
          ctx.extra.active.delete(id);
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
      },
      onComplete: (ctx, id) => void ctx.extra.active?.delete(id),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
      onError: (ctx, id, _payload, errors) => {
        ctx.extra.active?.delete(id);
        return errors.map((e) => formatError(e.toJSON(), e));
      },
    },
    wsServer,
  );
  return { stop: () => cleanup.dispose() };
}

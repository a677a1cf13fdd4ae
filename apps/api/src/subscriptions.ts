import type http from "node:http";
import type { Db } from "@retrain/db";
import { parse as parseCookies } from "cookie";
import { type GraphQLSchema, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { ApiContext, Services } from "./context.js";
import { formatError } from "./errors.js";
import { createLoaders } from "./loaders.js";
import { SESSION_COOKIE } from "./services/auth-service.js";

/**
 * GraphQL subscriptions over graphql-ws on the same port and path as queries. The caller is the
 * `authorization: Bearer ...` connection parameter, or the session cookie of the upgrade request.
 */
export function startSubscriptions(
  httpServer: http.Server,
  options: {
    schema: GraphQLSchema;
    services: Services;
    db: Db;
    modelCacheDir: string;
    validationRules: typeof specifiedRules;
  },
) {
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const cleanup = useServer<Record<string, unknown>, { request: http.IncomingMessage }>(
    {
      schema: options.schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...options.validationRules]),
      context: async (ctx): Promise<ApiContext> => {
        const header = String(ctx.connectionParams?.authorization ?? "");
        const token =
          header.match(/^Bearer\s+(\S+)$/i)?.[1] ??
          parseCookies(ctx.extra.request.headers.cookie ?? "")[SESSION_COOKIE];
        return {
          services: options.services,
          caller: await options.services.auth.authenticate(token),
          loaders: createLoaders(options.db, options.modelCacheDir, { cache: false }),
          cookie: { current: token, set: () => {}, clear: () => {} },
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wsServer,
  );
  return { stop: () => cleanup.dispose() };
}

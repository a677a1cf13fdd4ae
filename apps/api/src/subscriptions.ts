import type http from "node:http";
import type { Db } from "@retrain/db";
import { GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { SessionCookie } from "./auth/session-cookie.js";
import type { ApiContext, Services } from "./context.js";
import { formatError } from "./errors.js";
import { parseOptions } from "./graphql-limits.js";
import { bearer } from "./http-guards.js";
import { createLoaders } from "./loaders.js";
import { sharedInFlight } from "./services/in-flight.js";
import type { Caller } from "./services/workspaces/access.js";

/** Subscriptions one WebSocket may hold at once: a dashboard page needs one or two. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 10;
/** The largest message a client may send: a subscription document is a few hundred bytes (ws allows 100 MiB). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

type Extra = { request: http.IncomingMessage; socket: WebSocket; active?: Set<string> };

/** Open connections per key (client address, account), counted in this process. */
function counter() {
  const open = new Map<string, number>();
  return {
    count: (key: string) => open.get(key) ?? 0,
    add(key: string, socket: WebSocket) {
      open.set(key, (open.get(key) ?? 0) + 1);
      socket.once("close", () => {
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      });
    },
  };
}

/**
 * GraphQL subscriptions over graphql-ws on the same port and path as queries. The caller is the
 * `authorization: Bearer ...` connection parameter, or the session cookie of the upgrade request. Browsers
 * send an Origin: upgrades from pages of other origins are refused (they would ride the victim's cookie).
 * Before anything is read, a connection is counted against its client address; once its connection message
 * names a caller, against that account too; one without a caller is closed (every subscription needs one).
 * Messages are at most 64 KB.
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
    /** The client's address behind trusted proxies (the dashboard), as for HTTP requests. */
    addressOf: (request: http.IncomingMessage) => string;
    limits: { perAddress: number; perUser: number };
  },
) {
  const byAddress = counter();
  const byUser = counter();
  // A change wakes every subscription of a credential at once: its check again is one lookup, shared.
  const credentials = sharedInFlight<Caller | null>();
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: "/graphql",
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: (
      { origin, req }: { origin?: string; req: http.IncomingMessage },
      done: (ok: boolean, status?: number, message?: string) => void,
    ) => {
      if (origin && !options.origins.has(origin)) return done(false, 403, "Origin not allowed");
      if (byAddress.count(options.addressOf(req)) >= options.limits.perAddress)
        return done(false, 429, "Too many live connections from this address");
      done(true);
    },
  });
  wsServer.on("connection", (socket, request) => byAddress.add(options.addressOf(request), socket));
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...options.validationRules]),
      onConnect: async (ctx) => {
        const token =
          bearer(String(ctx.connectionParams?.authorization ?? "")) ??
          options.cookie.read(ctx.extra.request.headers.cookie);
        const caller = await options.services.auth.authenticate(token);
        if (!caller || byUser.count(caller.userId) >= options.limits.perUser) return false;
        byUser.add(caller.userId, ctx.extra.socket);
        return true;
      },
      context: async (ctx): Promise<ApiContext> => {
        const token =
          bearer(String(ctx.connectionParams?.authorization ?? "")) ??
          options.cookie.read(ctx.extra.request.headers.cookie);
        return {
          services: options.services,
          caller: await options.services.auth.authenticate(token),
          loaders: createLoaders(options.db, options.modelCacheDir, { cache: false }),
          address: options.addressOf(ctx.extra.request),
          // Each update checks again that this credential still works (signed out, revoked, expired).
          reauthenticate: () => credentials(token ?? "", () => options.services.auth.authenticate(token)),
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

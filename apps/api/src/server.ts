import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import type { Db } from "@retrain/db";
import express from "express";
import { sessionCookie } from "./auth/session-cookie.js";
import { authRoutes } from "./auth-routes.js";
import { readBody } from "./body-reader.js";
import { clientAddress } from "./client-address.js";
import { browserOrigins } from "./config.js";
import type { ApiContext, Services } from "./context.js";
import { formatError } from "./errors.js";
import { parseOptions, validationRules } from "./graphql-limits.js";
import { type AuthenticatedRequest, checkOrigin, identify, unexpectedErrors } from "./http-guards.js";
import { httpRoutes } from "./http-routes.js";
import { createLoaders } from "./loaders.js";
import { graphqlObservability } from "./observability/graphql-observability.js";
import { probeRoutes } from "./observability/probes.js";
import { requestLogging, type TracedRequest } from "./observability/request-logging.js";
import { schema } from "./schema/index.js";
import { startSubscriptions } from "./subscriptions.js";

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  port: number;
  host?: string;
  modelCacheDir: string;
  /** Where users reach the product (PUBLIC_URL): https makes the cookie Secure and `__Host-` prefixed. */
  publicUrl?: string;
  /** Browser origins allowed to send cookie-bearing writes and open WebSockets (besides PUBLIC_URL's). */
  webOrigins?: readonly string[];
  /** Express's `trust proxy`: whose X-Forwarded-For names the client. */
  trustProxy?: string;
  /** Live-update WebSockets one client address, and one account, may hold open at once. */
  webSockets?: { perAddress: number; perUser: number };
  /** Whether /readyz waits for a live worker (READY_NEEDS_WORKER). */
  readyNeedsWorker?: boolean;
}

/** Request bodies before and after the caller is known: a stranger cannot make the server read megabytes. */
export const BODY_LIMITS = { anonymous: 64 * 1024, signedIn: 50 * 1024 * 1024 };

/** Starts the GraphQL API on `port` (0 picks a free one) at /graphql, with its HTTP routes beside it. */
export async function startApiServer(services: Services, db: Db, options: ApiServerOptions): Promise<ApiServer> {
  const app = express();
  const trustProxy = options.trustProxy ?? "loopback";
  app.set("trust proxy", trustProxy);
  const httpServer = http.createServer(app);
  const cookie = sessionCookie(options.publicUrl);
  const origins = browserOrigins(options);
  const subscriptions = startSubscriptions(httpServer, {
    schema,
    services,
    db,
    modelCacheDir: options.modelCacheDir,
    validationRules,
    cookie,
    origins,
    addressOf: clientAddress(trustProxy),
    limits: options.webSockets ?? { perAddress: 50, perUser: 20 },
  });
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules,
    parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      graphqlObservability(),
      { serverWillStart: async () => ({ drainServer: async () => void (await subscriptions.stop()) }) },
    ],
  });
  await apollo.start();
  app.use(requestLogging());
  app.use(probeRoutes(db, { needsWorker: options.readyNeedsWorker ?? false }));
  app.use(checkOrigin(origins), identify(services, cookie));
  app.use(httpRoutes(services));
  app.use(authRoutes(services, cookie, options.publicUrl?.startsWith("https://") ?? false));
  app.use(
    "/graphql",
    readBody({
      json: true,
      limitOf: (req) => ((req as AuthenticatedRequest).caller ? BODY_LIMITS.signedIn : BODY_LIMITS.anonymous),
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<ApiContext> => ({
        services,
        caller: (req as AuthenticatedRequest).caller,
        loaders: createLoaders(db, options.modelCacheDir),
        address: req.ip ?? "unknown",
        requestId: (req as TracedRequest).requestId,
        cookie: {
          current: cookie.read(req.headers.cookie),
          set: (token, expires) => res.append("Set-Cookie", cookie.set(token, expires)),
          clear: () => res.append("Set-Cookie", cookie.clear()),
        },
      }),
    }),
  );
  app.use(unexpectedErrors);
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://localhost:${port}/graphql`, stop: () => apollo.stop() };
}

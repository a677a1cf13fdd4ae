import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import type { Db } from "@retrain/db";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import express from "express";
import type { GraphQLError, ValidationContext } from "graphql";
import type { ApiContext, Services } from "./context.js";
import { formatError } from "./errors.js";
import { httpRoutes } from "./http-routes.js";
import { createLoaders } from "./loaders.js";
import { schema } from "./schema/index.js";
import { SESSION_COOKIE } from "./services/auth-service.js";
import { startSubscriptions } from "./subscriptions.js";

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Limits that keep one request from asking for the whole database. A refusal is reported as a validation
 * error (GRAPHQL_VALIDATION_FAILED) instead of thrown, which Apollo would treat as a crash.
 */
const report = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};
const validationRules = [maxDepthRule({ n: 12, ...report }), costLimitRule({ maxCost: 20_000, ...report })];

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Starts the GraphQL API on `port` (0 picks a free one) at /graphql. */
export async function startApiServer(
  services: Services,
  db: Db,
  options: { port: number; host?: string; secureCookies?: boolean; modelCacheDir: string },
): Promise<ApiServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const subscriptions = startSubscriptions(httpServer, {
    schema,
    services,
    db,
    modelCacheDir: options.modelCacheDir,
    validationRules,
  });
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: true,
    formatError,
    validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => void (await subscriptions.stop()) }) },
    ],
  });
  await apollo.start();
  const callerOf = (req: express.Request) =>
    services.auth.authenticate(
      bearer(req.headers.authorization) ?? parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE],
    );
  app.use(httpRoutes(services, callerOf));
  app.use(
    "/graphql",
    express.json({ limit: "50mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<ApiContext> => {
        const sessionToken = parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE];
        const caller = await callerOf(req);
        const cookieOptions = {
          httpOnly: true,
          sameSite: "lax" as const,
          path: "/",
          secure: options.secureCookies ?? false,
        };
        return {
          services,
          caller,
          loaders: createLoaders(db, options.modelCacheDir),
          cookie: {
            current: sessionToken,
            set: (token, expires) =>
              res.append("Set-Cookie", serializeCookie(SESSION_COOKIE, token, { ...cookieOptions, expires })),
            clear: () => res.append("Set-Cookie", serializeCookie(SESSION_COOKIE, "", { ...cookieOptions, maxAge: 0 })),
          },
        };
      },
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://localhost:${port}/graphql`, stop: () => apollo.stop() };
}

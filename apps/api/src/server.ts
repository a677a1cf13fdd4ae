import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { ApiContext, Services } from "./context.js";
import { schema } from "./schema/index.js";

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the GraphQL API on `port` (0 picks a free one) at /graphql. */
export async function startApiServer(services: Services, options: { port: number; host?: string }): Promise<ApiServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, { context: async () => ({ services }) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    stop: () => apollo.stop(),
  };
}

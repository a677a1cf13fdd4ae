// Traces (OpenTelemetry), on when OTEL_EXPORTER_OTLP_ENDPOINT is set (the SDK reads it and the other OTEL_*
// variables itself): spans for HTTP, Express, GraphQL and PostgreSQL, sent over OTLP/HTTP. Off, nothing is
// loaded and @opentelemetry/api's calls elsewhere cost nothing.
//
// Instrumentation patches modules as they are imported, so a process starts tracing before importing what it
// traces: its main.ts awaits startTracing(), then imports the rest. ES modules are hooked through
// import-in-the-middle's loader, registered here (the one @opentelemetry/instrumentation uses).
import { register } from "node:module";
import { createAddHookMessageChannel } from "import-in-the-middle";

let stop: (() => Promise<void>) | undefined;

/** Sends the spans not sent yet and stops tracing (a process calls it as it leaves); nothing when off. */
export async function stopTracing(): Promise<void> {
  await stop?.();
  stop = undefined;
}

/** Starts tracing for `serviceName` when an OTLP endpoint is set. */
export async function startTracing(serviceName: string, env = process.env): Promise<void> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return;
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register("import-in-the-middle/hook.mjs", import.meta.url, registerOptions);
  const [{ NodeSDK }, { OTLPTraceExporter }, http, express, graphql, pg] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-express"),
    import("@opentelemetry/instrumentation-graphql"),
    import("@opentelemetry/instrumentation-pg"),
  ]);
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new http.HttpInstrumentation(),
      new express.ExpressInstrumentation(),
      // Resolver spans would be one per field: the operation's parse, validate and execute are enough.
      new graphql.GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, depth: 0 }),
      new pg.PgInstrumentation(),
    ],
  });
  sdk.start();
  stop = () => sdk.shutdown();
  await waitForAllMessagesAcknowledged();
}

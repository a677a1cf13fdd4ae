// A job continues the trace of the request that queued it: the queuing side stores the W3C `traceparent`
// of its active span on the job's row, and the worker runs the job in a span whose parent that is.
import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/** The active span's `traceparent` header value, or null when nothing is traced. */
export function activeTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** Runs `work` in a span named `name`, a child of `traceparent` when the job has one. */
export function inJobSpan<T>(
  name: string,
  traceparent: string | null,
  attributes: Record<string, string | number | undefined | null>,
  work: () => Promise<T>,
): Promise<T> {
  const parent = traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
  const defined = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined && v !== null));
  return trace
    .getTracer("retrain-studio")
    .startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes: defined }, parent, async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    });
}

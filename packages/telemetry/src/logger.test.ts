import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, loggingFromEnv } from "./logger.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe("the logger", () => {
  it("writes JSON lines naming the service, with secrets and bytes redacted", () => {
    const { lines, destination } = capture();
    const log = createLogger("api", { destination });
    log.info(
      {
        req: { headers: { authorization: "Bearer rs_secret", cookie: "session=abc", accept: "*/*" } },
        input: { email: "a@example.com", password: "hunter2", base64: "AAAA" },
        token: "rs_token",
      },
      "signed in",
    );
    const [line] = lines;
    expect(line).toMatchObject({ service: "api", level: 30, msg: "signed in" });
    expect(line?.req).toEqual({ headers: { authorization: "[redacted]", cookie: "[redacted]", accept: "*/*" } });
    expect(line?.input).toEqual({ email: "a@example.com", password: "[redacted]", base64: "[redacted]" });
    expect(line?.token).toBe("[redacted]");
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|rs_secret|rs_token|session=abc/);
  });

  it("logs an error with its stack, and honours the level", () => {
    const { lines, destination } = capture();
    const log = createLogger("worker", { destination, level: "warn" });
    log.info("not shown");
    log.error({ err: new Error("disk full") }, "job failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.err).toMatchObject({ type: "Error", message: "disk full" });
    expect(lines[0]?.err).toHaveProperty("stack", expect.stringContaining("logger.test.ts"));
  });

  it("reads LOG_LEVEL and LOG_FORMAT, ignoring what they cannot be", () => {
    expect(loggingFromEnv({ LOG_LEVEL: "debug", LOG_FORMAT: "json" })).toEqual({ level: "debug", format: "json" });
    expect(loggingFromEnv({ LOG_LEVEL: "loud" })).toEqual({ level: undefined, format: undefined });
  });
});

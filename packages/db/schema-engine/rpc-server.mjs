// JSON-RPC 2.0 over stdin/stdout, one object per line: the protocol of Prisma's native schema engine,
// served by the WebAssembly engine. Each method maps to the engine method of the same name.
import { createInterface } from "node:readline";
import { panicRegistry } from "./wasm-engine.mjs";

/** Native-engine method names whose WebAssembly counterpart is called differently. */
const renamed = { getDatabaseVersion: "version" };
/** The wasm engine wires its shadow-database factory only inside devDiagnostic. */
const needShadowDatabase = new Set(["createMigration", "evaluateDataLoss"]);

export function serveRpc(engine, { print }) {
  let nextPrintId = 1;
  const pendingPrints = new Map();
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  /** The native engine prints `migrate diff` output through a `print` request to the CLI. */
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  async function call(method, params) {
    if (needShadowDatabase.has(method)) {
      await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
    }
    if (method === "diff") {
      const { exitCode, stdout } = await engine.diff(params);
      if (stdout) await (print ?? printThroughCli)(stdout);
      return { exitCode };
    }
    const name = renamed[method] ?? method;
    if (typeof engine[name] !== "function")
      throw Object.assign(new Error(`Unsupported method ${method}`), { code: "P1000" });
    const result = await engine[name](params ?? {});
    return result ?? {};
  }

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    // Requests run one at a time, in order, like the native engine's single connection.
    queue = queue.then(async () => {
      try {
        send({ jsonrpc: "2.0", id: message.id, result: await call(message.method, message.params) });
      } catch (error) {
        send({ jsonrpc: "2.0", id: message.id, error: toRpcError(error) });
      }
    });
  });
  return new Promise((resolve) => lines.on("close", () => queue.then(resolve)));
}

/** Known engine errors carry a Prisma code (P3005, ...); anything else is reported as a panic would be. */
function toRpcError(error) {
  const panic = panicRegistry.message;
  panicRegistry.message = undefined;
  const message = panic ?? String(error?.message ?? error);
  const code = error?.code ?? error?.error_code;
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: Boolean(panic) || !code, message, error_code: code, meta: error?.meta ?? null },
  };
}

// `npm start` and `npm test` on a fresh machine with only Node 20: get pnpm, install the workspace,
// generate the Prisma client, compile the services (`pnpm build`, a second) and build the dashboard when its
// sources changed, then start or test.
// Plain Node on purpose: it runs before any dependency is installed.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "12.21.0";
const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const task = process.argv[2];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** pnpm itself, or through npx when this machine has no pnpm 12. */
function pnpmCommand() {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (found.status === 0 && found.stdout.startsWith("12.")) return ["pnpm"];
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

/** Runs a step; a failing step ends bootstrap with that step's exit code (its output says why). */
function run(cmd, args) {
  console.log(`> ${[cmd, ...args].join(" ")}`);
  try {
    execFileSync(cmd, args, { cwd: root, stdio: "inherit", env });
  } catch (error) {
    process.exit(typeof error.status === "number" ? error.status : 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function dashboardIsBuilt() {
  const buildId = path.join(root, "apps/web/.next/BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs > newestMtime(path.join(root, "apps/web"));
}

/**
 * What the tests need from the system: Chromium for the end-to-end tests (Playwright cannot download a browser
 * offline), jq for the API walk-through (a test runs it as written), Python for the Python client's tests and
 * Ceph's radosgw, ceph-mon and ceph-osd for the S3 blob store's tests.
 * Installed from apt as root.
 */
function ensureTestTools() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const missing = [
    ...(existsSync(chromium) ? [] : ["chromium"]),
    ...(spawnSync("jq", ["--version"]).status === 0 ? [] : ["jq"]),
    ...(spawnSync("python3", ["--version"]).status === 0 ? [] : ["python3"]),
    // Ceph's RADOS Gateway on a one-node cluster: the S3-compatible server the BLOB_STORE=s3 tests start.
    ...(["radosgw", "ceph-mon", "ceph-osd"].every((d) => spawnSync("which", [d]).status === 0)
      ? []
      : ["radosgw", "ceph-mon", "ceph-osd"]),
  ];
  if (missing.length === 0) return;
  if (process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0) {
    run("apt-get", ["update", "-q"]);
    run("apt-get", ["install", "-y", "-q", ...missing]);
    return;
  }
  console.error(`The tests need ${missing.join(" and ")}: run \`sudo apt-get install -y ${missing.join(" ")}\`.`);
  process.exit(1);
}

const [pnpm, ...pnpmArgs] = pnpmCommand();
const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
run(pnpm, [...pnpmArgs, "install", ...frozen]);
run(pnpm, [...pnpmArgs, "exec", "prisma", "generate"]);

if (task === "start") {
  if (!dashboardIsBuilt()) run(pnpm, [...pnpmArgs, "--filter", "@retrain/web", "build"]);
  run(pnpm, [...pnpmArgs, "run", "build"]);
  // Signals reach the starter directly, so Ctrl-C and SIGTERM stop every service and the database.
  const starter = spawn(process.execPath, ["--enable-source-maps", "--conditions=compiled", "dist/start.js"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => starter.kill(signal));
  starter.on("exit", (code) => process.exit(code ?? 1));
} else if (task === "test") {
  ensureTestTools();
  run(pnpm, [...pnpmArgs, "run", "test:all"]);
} else {
  console.error("usage: node scripts/bootstrap.mjs start|test");
  process.exit(2);
}

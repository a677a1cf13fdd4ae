import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@retrain/db/local";
import type { S3Options } from "@retrain/db/s3";
import { until } from "./service-process.js";

/** A running S3-compatible server: Ceph's RADOS Gateway over a one-node cluster kept in memory. */
export interface RadosGateway {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The BLOB_STORE=s3 settings of a process that stores its blobs in `bucket` here. */
  settings(bucket: string): Record<string, string>;
  /** The options of an object store on `bucket` here (s3ObjectStore). */
  options(bucket: string): S3Options;
  stop(): Promise<void>;
}

const DAEMONS = ["ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "ceph-authtool", "monmaptool"];

/**
 * Starts a monitor, one OSD on memstore (objects in memory: nothing to format, gone when it stops) and a
 * gateway, in a temporary folder on free ports, as Ceph's own vstart.sh does for its developers. Needs
 * Debian's radosgw, ceph-mon and ceph-osd packages (`npm test` installs them as root). About 10 s.
 */
export async function startRadosGateway(memoryMb = 1024): Promise<RadosGateway> {
  const missing = DAEMONS.filter((d) => spawnSync("which", [d]).status !== 0);
  if (missing.length)
    throw new Error(`The S3 tests need Ceph's ${missing.join(", ")}: apt-get install radosgw ceph-mon ceph-osd`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "rgw-"));
  const [monPort, rgwPort] = [await freePort(), await freePort()];
  const fsid = randomUUID();
  const conf = path.join(dir, "ceph.conf");
  const keyring = path.join(dir, "keyring");
  await Promise.all(["run", "log", "osd", "mon"].map((d) => mkdir(path.join(dir, d))));
  // tcp_nodelay: without it each answer waits for the client's delayed ACK (Nagle), about 40 ms a request.
  // A thread per core, not the default 512: on two cores shared with the workers the 512 threads' wake-ups
  // doubled the gateway's CPU a GET (0.52 -> 0.27 ms measured); per-request log lines cost a little more.
  await writeFile(
    conf,
    `[global]
fsid = ${fsid}
mon host = 127.0.0.1:${monPort}
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
keyring = ${keyring}
mon data = ${dir}/mon
osd data = ${dir}/osd
osd objectstore = memstore
memstore device bytes = ${memoryMb * 1024 * 1024}
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort} tcp_nodelay=1
rgw thread pool size = ${Math.max(2, os.availableParallelism())}
debug rgw = 0/0
debug ms = 0/0
`,
  );
  const run = (command: string, args: string[]) =>
    execFileSync(command, ["-c", conf, ...args], { cwd: dir, stdio: "pipe", timeout: 60_000 });
  // cephx keys for each daemon: Pacific's gateway does not start with authentication off.
  execFileSync("ceph-authtool", ["--create-keyring", keyring, "--gen-key", "-n", "mon.", "--cap", "mon", "allow *"]);
  for (const [name, caps] of [
    ["client.admin", ["--cap", "mon", "allow *", "--cap", "osd", "allow *", "--cap", "mgr", "allow *"]],
    ["client.rgw", ["--cap", "mon", "allow rw", "--cap", "osd", "allow rwx"]],
    ["osd.0", ["--cap", "mon", "allow profile osd", "--cap", "osd", "allow *"]],
  ] as const)
    execFileSync("ceph-authtool", [keyring, "--gen-key", "-n", name, ...caps]);
  execFileSync("monmaptool", ["--create", "--add", "a", `127.0.0.1:${monPort}`, "--fsid", fsid, `${dir}/monmap`]);
  run("ceph-mon", ["--mkfs", "-i", "a", "--monmap", `${dir}/monmap`, "--keyring", keyring]);

  const daemons: ChildProcess[] = [];
  const daemon = (command: string, args: string[]) =>
    daemons.push(spawn(command, ["-c", conf, "-f", ...args], { cwd: dir, stdio: "ignore" }));
  const stop = async () => {
    for (const d of daemons) d.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  };
  try {
    daemon("ceph-mon", ["-i", "a"]);
    run("ceph", ["osd", "create"]);
    run("ceph-osd", ["-i", "0", "--mkfs"]);
    run("ceph", ["osd", "crush", "add", "osd.0", "1.0", "host=localhost", "root=default"]);
    daemon("ceph-osd", ["-i", "0"]);
    daemon("radosgw", ["-n", "client.rgw"]);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await until(
      "the RADOS Gateway to answer",
      () =>
        fetch(endpoint).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
    );
    const accessKeyId = `RS${randomBytes(8).toString("hex").toUpperCase()}`;
    const secretAccessKey = randomBytes(20).toString("hex");
    run(
      "radosgw-admin",
      ["-n", "client.admin", "user", "create", "--uid=retrain", "--display-name=retrain"].concat([
        `--access-key=${accessKeyId}`,
        `--secret-key=${secretAccessKey}`,
      ]),
    );
    return {
      endpoint,
      accessKeyId,
      secretAccessKey,
      settings: (bucket) => ({
        BLOB_STORE: "s3",
        S3_ENDPOINT: endpoint,
        S3_BUCKET: bucket,
        S3_ACCESS_KEY_ID: accessKeyId,
        S3_SECRET_ACCESS_KEY: secretAccessKey,
      }),
      options: (bucket) => ({
        bucket,
        endpoint,
        region: "us-east-1",
        accessKeyId,
        secretAccessKey,
        forcePathStyle: true,
      }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

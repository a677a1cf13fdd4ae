import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SpoolLimitError, spoolArchive } from "./archive-spool.js";

const spools = async () => (await readdir(os.tmpdir())).filter((n) => n.startsWith("retrain-archive-")).length;

describe("spoolArchive", () => {
  it("writes a stream to disk with its size, hash and first bytes, and reads it back in chunks", async () => {
    const bytes = Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.alloc(3 * 1024 * 1024, 7)]);
    const spooled = await spoolArchive(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 10 ** 8);
    expect(spooled.size).toBe(bytes.length);
    expect(spooled.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(spooled.head.toString("latin1")).toBe("PK\u0003\u0004");
    // Buffer.equals: a deep toEqual over 3 million bytes takes half a minute.
    expect((await readFile(spooled.path)).equals(bytes)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of spooled.chunks()) chunks.push(chunk as Buffer);
    expect(chunks.length).toBe(4); // 1 MB each, the last one the rest
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await spooled.dispose();
  });

  it("stops past the limit, keeps nothing, and leaves the source paused but open (for a 413 answer)", async () => {
    const before = await spools();
    const source = new PassThrough();
    const spooling = spoolArchive(source, 1000);
    source.write(Buffer.alloc(600));
    source.write(Buffer.alloc(600));
    await expect(spooling).rejects.toBeInstanceOf(SpoolLimitError);
    expect(source.destroyed).toBe(false);
    expect(source.isPaused()).toBe(true);
    expect(await spools()).toBe(before);
  });
});

import { mkdtemp, readdir, readlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { zipOf, zipOfFolders } from "@retrain/testing";
import { describe, expect, it } from "vitest";
import { ARCHIVE_LIMITS, ArchiveError, type ArchiveSource, inspectArchive, openArchive } from "./read-archive.js";

async function collect(source: ArchiveSource, limits = ARCHIVE_LIMITS) {
  const archive = await openArchive(source, limits);
  const out: { path: string; label?: string | null; error?: string; size?: number }[] = [];
  for await (const item of archive.images)
    out.push("error" in item ? item : { path: item.path, label: item.label, size: item.bytes.length });
  return out;
}

describe("openArchive", () => {
  it("reads class folders, under one top folder or not, skipping hidden and macOS files", async () => {
    const flat = await zipOf({
      "daisy/1.jpg": Buffer.alloc(3),
      "tulip/2.jpg": Buffer.alloc(4),
      "loose.jpg": Buffer.alloc(1),
    });
    expect(await collect(flat)).toEqual([
      { path: "daisy/1.jpg", label: "daisy", size: 3 },
      { path: "tulip/2.jpg", label: "tulip", size: 4 },
      { path: "loose.jpg", label: null, size: 1 },
    ]);
    const nested = await zipOf({
      "flowers/daisy/1.jpg": Buffer.alloc(3),
      "flowers/rose/2.jpg": Buffer.alloc(3),
      "__MACOSX/flowers/._1.jpg": Buffer.alloc(3),
      "flowers/.DS_Store": Buffer.alloc(3),
    });
    expect((await collect(nested)).map((f) => f.label)).toEqual(["daisy", "rose"]);
  });

  it("reads an archive from a file as from memory, and lets go of the file when it refuses one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-zip-file-"));
    const good = path.join(dir, "good.zip");
    const bytes = await zipOf({ "daisy/1.jpg": Buffer.alloc(3), "tulip/2.jpg": Buffer.alloc(4) });
    await writeFile(good, bytes);
    expect(await collect({ path: good })).toEqual(await collect(bytes));
    expect(await inspectArchive({ path: good })).toEqual({ entryCount: 2 });
    const bad = path.join(dir, "bad.zip");
    await writeFile(bad, await zipOf({ "a.jpg": Buffer.alloc(3) }));
    await expect(collect({ path: bad }, { ...ARCHIVE_LIMITS, entries: 0 })).rejects.toBeInstanceOf(ArchiveError);
    // Every file opened was closed: the refused one and the read ones (no descriptor left on them).
    const fds = await readdir("/proc/self/fd");
    const open = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => "")));
    expect(open.filter((target) => target.startsWith(dir))).toEqual([]);
  });

  it("refuses a path outside the archive's folder before unpacking anything", async () => {
    // yazl will not write "../", so a same-length name is patched in both headers.
    const zip = await zipOf({ "ok/a.jpg": Buffer.alloc(3), "xx/evil.jpg": Buffer.alloc(3) });
    const evil = Buffer.from(zip.toString("latin1").replaceAll("xx/evil.jpg", "../evil.jpg"), "latin1");
    await expect(openArchive(evil)).rejects.toThrow(/path outside its folder \(\.\.\/evil\.jpg\)/);
  });

  it("refuses a zip bomb by its declared size, and one whose entries lie about their size", async () => {
    const zeros = await zipOf({ "a/zeros.jpg": Buffer.alloc(5_000_000) });
    expect(zeros.length).toBeLessThan(50_000); // compresses 100:1 and more
    await expect(openArchive(zeros, { ...ARCHIVE_LIMITS, totalBytes: 1024 * 1024 })).rejects.toThrow(
      /unpacks to 5 MB; at most 1 MB/,
    );
    // Declared 5,000,000 bytes in both headers, patched down to 1,000: the stream must not pass the limit.
    const declared = Buffer.alloc(4);
    declared.writeUInt32LE(5_000_000);
    const lying = Buffer.from(zeros);
    for (let i = lying.indexOf(declared); i >= 0; i = lying.indexOf(declared, i + 4)) lying.writeUInt32LE(1_000, i);
    await expect(collect(lying)).rejects.toThrow(ArchiveError);
  });

  it("reports a file over the per-file limit and goes on with the rest", async () => {
    const zip = await zipOf({ "a/big.jpg": Buffer.alloc(2_000), "a/small.jpg": Buffer.alloc(10) });
    expect(await collect(zip, { ...ARCHIVE_LIMITS, entryBytes: 1_000 })).toEqual([
      { path: "a/big.jpg", error: expect.stringMatching(/larger than/) },
      { path: "a/small.jpg", label: "a", size: 10 },
    ]);
  });

  it("says so when the bytes are not a zip", async () => {
    await expect(openArchive(Buffer.from("hello"))).rejects.toThrow(/Not a readable zip archive/);
  });

  it("refuses a million folder entries from the central directory's count, before reading one", async () => {
    const bytes = zipOfFolders(1_000_000);
    const started = performance.now();
    await expect(inspectArchive(bytes)).rejects.toThrow(
      /lists 1,000,000 entries \(files and folders\); at most 25,000/,
    );
    await expect(openArchive(bytes)).rejects.toBeInstanceOf(ArchiveError);
    // Reading a million entries takes seconds; the count is one record at the end of the file.
    expect(performance.now() - started).toBeLessThan(2000);
    const small = zipOfFolders(3);
    expect(await inspectArchive(small)).toEqual({ entryCount: 3 });
    expect(await collect(small)).toEqual([]);
  });
});

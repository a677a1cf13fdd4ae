import { stat } from "node:fs/promises";
import type { Split } from "@retrain/db";
import yauzl from "yauzl";
import { ArchiveError } from "./archive-error.js";
import { type Manifest, parseManifest } from "./manifest.js";

export { ArchiveError };

export const ARCHIVE_LIMITS = {
  archiveBytes: 500 * 1024 * 1024,
  /** Image files imported from one archive. */
  entries: 20_000,
  /** Everything the central directory lists (folders, ignored files included), counted before reading any. */
  directoryEntries: 25_000,
  entryBytes: 20 * 1024 * 1024,
  /** All files unpacked: a zip bomb declares (or, lying, produces) far more than this. */
  totalBytes: 2 * 1024 * 1024 * 1024,
};

export interface ArchiveImage {
  /** Path inside the archive, for results and errors. */
  path: string;
  /** Its class folder (or the manifest's label); null for files at the top. */
  label: string | null;
  /** The manifest's split; null: chosen from the file's name. */
  split: Split | null;
  bytes: Buffer;
}

const ignored = (name: string) =>
  name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").some((part) => part.startsWith("."));

/** An archive in memory (small ones, tests), or in a file read as needed (uploads up to 500 MB). */
export type ArchiveSource = Buffer | { path: string };

const open = (source: ArchiveSource) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    // yauzl refuses absolute and `..` paths (zip slip) and checks each entry's real size against its header.
    const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false };
    const done = (e: Error | null, zip?: yauzl.ZipFile) =>
      e || !zip ? reject(new ArchiveError(`Not a readable zip archive (${e?.message ?? "empty"}).`)) : resolve(zip);
    if (Buffer.isBuffer(source)) yauzl.fromBuffer(source, options, done);
    else yauzl.open(source.path, { ...options, autoClose: false }, done);
  });

async function checkSize(source: ArchiveSource, limits: typeof ARCHIVE_LIMITS) {
  const size = Buffer.isBuffer(source) ? source.length : (await stat(source.path)).size;
  if (size > limits.archiveBytes)
    throw new ArchiveError(`The archive is larger than ${limits.archiveBytes / 1024 / 1024} MB.`);
}

/** Refuses an archive whose central directory lists more entries than the limit, before reading one. */
function checkEntryCount(zip: yauzl.ZipFile, limits: typeof ARCHIVE_LIMITS): void {
  if (zip.entryCount > limits.directoryEntries) {
    throw new ArchiveError(
      `The archive lists ${zip.entryCount.toLocaleString("en")} entries (files and folders); at most ${limits.directoryEntries.toLocaleString("en")} per import.`,
    );
  }
}

/** The checks that need no unpacking (size, zip signature, entry count), for the API to answer at once. */
export async function inspectArchive(source: ArchiveSource, limits = ARCHIVE_LIMITS): Promise<{ entryCount: number }> {
  await checkSize(source, limits);
  const zip = await open(source);
  try {
    checkEntryCount(zip, limits);
    return { entryCount: zip.entryCount };
  } finally {
    zip.close();
  }
}

async function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (e: Error) => {
      const outside = e.message.match(/^(?:invalid relative path|absolute path): (.*)$/);
      reject(
        new ArchiveError(
          outside
            ? `The archive has a path outside its folder (${outside[1]}); it was refused.`
            : `The archive is damaged or unsafe: ${e.message}.`,
        ),
      );
    });
    zip.readEntry();
  });
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (e, s) => (e || !s ? reject(e) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new ArchiveError(`${entry.fileName} is damaged or larger than it declares: ${(error as Error).message}.`);
  }
  return Buffer.concat(chunks);
}

/**
 * The image files of a class-per-folder zip (`daisy/1.jpg`, or `flowers/daisy/1.jpg` under one top folder),
 * checked as a whole before anything is unpacked: entry count, declared sizes, paths, and the manifest when
 * there is one (manifest.csv, manifest.jsonl or a Label Studio export: its labels and splits win over folders;
 * a bad row or a file it names that is missing refuses the archive, naming the line). Then yielded one at a
 * time, so memory holds one file at a time.
 */
export async function openArchive(source: ArchiveSource, limits = ARCHIVE_LIMITS) {
  await checkSize(source, limits);
  const zip = await open(source);
  // The file stays open while images are read: closed by the generator, or here when a check refuses it.
  const plan = await planImport(zip, limits).catch((error: unknown) => {
    zip.close();
    throw error;
  });
  const { imageFiles, parts, oneTopFolder, listed } = plan;
  async function* images(): AsyncGenerator<ArchiveImage | { path: string; error: string }> {
    try {
      for (const [i, entry] of imageFiles.entries()) {
        const names = (parts[i] ?? []).slice(oneTopFolder ? 1 : 0);
        const said = listed[i]?.entry;
        const label = said ? said.label : names.length >= 2 ? (names[0] ?? null) : null;
        if (entry.uncompressedSize > limits.entryBytes) {
          yield { path: entry.fileName, error: `larger than ${limits.entryBytes / 1024 / 1024} MB` };
          continue;
        }
        yield { path: entry.fileName, label, split: said?.split ?? null, bytes: await readEntry(zip, entry) };
      }
    } finally {
      zip.close();
    }
  }
  return { count: imageFiles.length, images: images() };
}

/** What an archive will import, checked as a whole before any file is unpacked (throws ArchiveError). */
async function planImport(zip: yauzl.ZipFile, limits: typeof ARCHIVE_LIMITS) {
  checkEntryCount(zip, limits);
  const all = await entriesOf(zip);
  const files = all.filter((e) => !ignored(e.fileName.replaceAll("\\", "/")));
  if (files.length > limits.entries)
    throw new ArchiveError(`The archive holds ${files.length} files; at most ${limits.entries} per import.`);
  const declared = files.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.totalBytes)
    throw new ArchiveError(
      `The archive unpacks to ${(declared / 1024 ** 2).toFixed(0)} MB; at most ${limits.totalBytes / 1024 ** 2} MB per import.`,
    );
  const manifest = await readManifest(zip, files, limits);
  const imageFiles = manifest ? files.filter((e) => e !== manifest.entry) : files;
  const parts = imageFiles.map((e) => e.fileName.replaceAll("\\", "/").split("/"));
  const top = parts[0]?.[0];
  const oneTopFolder = parts.every((p) => p.length >= 3 && p[0] === top);
  // What the manifest says of each file, found by its path from the manifest's folder.
  const listed = imageFiles.map((_, i) => {
    if (!manifest) return undefined;
    const full = (parts[i] ?? []).join("/");
    const key = manifest.parsed.keyOf(full.startsWith(manifest.folder) ? full.slice(manifest.folder.length) : full);
    return { key, entry: manifest.parsed.entries.get(key) };
  });
  if (manifest) {
    const present = new Set(listed.map((l) => l?.key));
    for (const [key, line] of manifest.parsed.named)
      if (!present.has(key))
        throw new ArchiveError(`${manifest.parsed.file} line ${line}: no file ${key} in the archive.`);
  }
  return { imageFiles, parts, oneTopFolder, listed };
}

interface FoundManifest {
  entry: yauzl.Entry;
  parsed: Manifest;
  /** Its folder inside the archive's root ("" at the root). */
  folder: string;
}

const MANIFEST_BYTES = 10 * 1024 * 1024;

/** A manifest at the archive's root or in its one top folder (read whole: it is text, up to 10 MB). */
async function readManifest(zip: yauzl.ZipFile, files: yauzl.Entry[], limits: typeof ARCHIVE_LIMITS) {
  for (const entry of files) {
    const parts = entry.fileName.replaceAll("\\", "/").split("/");
    const name = parts.at(-1)?.toLowerCase() ?? "";
    if (parts.length > 2 || !(name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".json"))) continue;
    if (entry.uncompressedSize > Math.min(MANIFEST_BYTES, limits.entryBytes))
      throw new ArchiveError(`${entry.fileName} is larger than a manifest may be (10 MB).`);
    const parsed = parseManifest(entry.fileName, (await readEntry(zip, entry)).toString("utf8"));
    if (parsed) return { entry, parsed, folder: parts.length === 2 ? `${parts[0]}/` : "" } satisfies FoundManifest;
  }
  return null;
}

import yauzl from "yauzl";

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

/** Why an archive was refused as a whole (nothing of it imported). */
export class ArchiveError extends Error {}

export interface ArchiveImage {
  /** Path inside the archive, for results and errors. */
  path: string;
  /** Its class folder; null for files at the top. */
  label: string | null;
  bytes: Buffer;
}

const ignored = (name: string) =>
  name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").some((part) => part.startsWith("."));

const open = (bytes: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    // yauzl refuses absolute and `..` paths (zip slip) and checks each entry's real size against its header.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (e, zip) =>
      e || !zip ? reject(new ArchiveError(`Not a readable zip archive (${e?.message ?? "empty"}).`)) : resolve(zip),
    ),
  );

/** Refuses an archive whose central directory lists more entries than the limit, before reading one. */
function checkEntryCount(zip: yauzl.ZipFile, limits: typeof ARCHIVE_LIMITS): void {
  if (zip.entryCount > limits.directoryEntries) {
    zip.close();
    throw new ArchiveError(
      `The archive lists ${zip.entryCount.toLocaleString("en")} entries (files and folders); at most ${limits.directoryEntries.toLocaleString("en")} per import.`,
    );
  }
}

/** The checks that need no unpacking (size, zip signature, entry count), for the API to answer at once. */
export async function inspectArchive(bytes: Buffer, limits = ARCHIVE_LIMITS): Promise<{ entryCount: number }> {
  if (bytes.length > limits.archiveBytes)
    throw new ArchiveError(`The archive is larger than ${limits.archiveBytes / 1024 / 1024} MB.`);
  const zip = await open(bytes);
  checkEntryCount(zip, limits);
  zip.close();
  return { entryCount: zip.entryCount };
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
 * checked as a whole before anything is unpacked: entry count, declared sizes, paths. Then yielded one
 * at a time, so memory holds one file at a time.
 */
export async function openArchive(bytes: Buffer, limits = ARCHIVE_LIMITS) {
  if (bytes.length > limits.archiveBytes)
    throw new ArchiveError(`The archive is larger than ${limits.archiveBytes / 1024 / 1024} MB.`);
  const zip = await open(bytes);
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
  const parts = files.map((e) => e.fileName.replaceAll("\\", "/").split("/"));
  const top = parts[0]?.[0];
  const oneTopFolder = parts.every((p) => p.length >= 3 && p[0] === top);
  async function* images(): AsyncGenerator<ArchiveImage | { path: string; error: string }> {
    try {
      for (const [i, entry] of files.entries()) {
        const names = (parts[i] ?? []).slice(oneTopFolder ? 1 : 0);
        const label = names.length >= 2 ? (names[0] ?? null) : null;
        if (entry.uncompressedSize > limits.entryBytes) {
          yield { path: entry.fileName, error: `larger than ${limits.entryBytes / 1024 / 1024} MB` };
          continue;
        }
        yield { path: entry.fileName, label, bytes: await readEntry(zip, entry) };
      }
    } finally {
      zip.close();
    }
  }
  return { count: files.length, images: images() };
}

import yazl from "yazl";

/** A zip of the given files, as a user's archiver would make it. */
export async function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(files)) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A valid ZIP64 archive of `count` empty folders (`0/`, `1/`, ...), written directly: archivers take minutes
 * for a million entries, this takes a second. Only folders, so it unpacks to nothing: an entry-count attack.
 */
export function zipOfFolders(count: number): Buffer {
  const names = Array.from({ length: count }, (_, i) => Buffer.from(`${i}/`));
  const localSize = names.reduce((sum, n) => sum + 30 + n.length, 0);
  const centralSize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 56 + 20 + 22);
  const offsets: number[] = [];
  let at = 0;
  for (const name of names) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at); // local file header; every other field 0 (stored, empty)
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(name.length, at + 26);
    name.copy(out, at + 30);
    at += 30 + name.length;
  }
  const centralStart = at;
  for (const [i, name] of names.entries()) {
    out.writeUInt32LE(0x02014b50, at); // central directory header
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(name.length, at + 28);
    out.writeUInt32LE(0x10, at + 38); // MS-DOS directory attribute
    out.writeUInt32LE(offsets[i] ?? 0, at + 42);
    name.copy(out, at + 46);
    at += 46 + name.length;
  }
  const zip64End = at;
  out.writeUInt32LE(0x06064b50, at); // ZIP64 end of central directory record
  out.writeBigUInt64LE(44n, at + 4);
  out.writeUInt16LE(45, at + 12);
  out.writeUInt16LE(45, at + 14);
  out.writeBigUInt64LE(BigInt(count), at + 24);
  out.writeBigUInt64LE(BigInt(count), at + 32);
  out.writeBigUInt64LE(BigInt(centralSize), at + 40);
  out.writeBigUInt64LE(BigInt(centralStart), at + 48);
  at += 56;
  out.writeUInt32LE(0x07064b50, at); // ZIP64 end of central directory locator
  out.writeBigUInt64LE(BigInt(zip64End), at + 8);
  out.writeUInt32LE(1, at + 16);
  at += 20;
  out.writeUInt32LE(0x06054b50, at); // end of central directory: counts and offsets deferred to ZIP64
  out.writeUInt16LE(0xffff, at + 8);
  out.writeUInt16LE(0xffff, at + 10);
  out.writeUInt32LE(0xffffffff, at + 12);
  out.writeUInt32LE(0xffffffff, at + 16);
  return out;
}

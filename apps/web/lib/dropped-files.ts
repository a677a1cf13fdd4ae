/** A file the user dropped or chose, with the folder it was in (its class), when there was one. */
export interface PickedFile {
  file: File;
  folder: string | null;
}

/** The folder a chosen file came from (`<input webkitdirectory>` gives each file its relative path). */
export const folderOfPicked = (file: File): string | null =>
  file.webkitRelativePath.split("/").slice(-2, -1)[0] || null;

const entriesOf = (directory: FileSystemDirectoryEntry) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => {
    const reader = directory.createReader();
    const all: FileSystemEntry[] = [];
    // readEntries answers in chunks (100 in Chromium) until it answers none.
    const next = () =>
      reader.readEntries((chunk) => {
        if (chunk.length === 0) return resolve(all);
        all.push(...chunk);
        next();
      }, reject);
    next();
  });

async function walk(entry: FileSystemEntry, folder: string | null, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, folder });
  } else if (entry.isDirectory) {
    for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, entry.name, out);
  }
}

/**
 * What was dropped: files as they are, and dropped folders walked down, each file with the name of the folder
 * holding it (drop `flowers/` holding `daisy/` and `tulip/`: the files are labelled daisy and tulip).
 */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...data.files].map((file) => ({ file, folder: null }));
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, null, out);
  return out;
}

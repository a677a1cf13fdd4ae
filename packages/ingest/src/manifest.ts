import path from "node:path";
import type { Split } from "@retrain/db";
import { parse } from "csv-parse/sync";
import { ArchiveError } from "./archive-error.js";
import { splitNamed } from "./ingest-image.js";

/** What a manifest says of one file: its label (null: unlabelled) and split (null: chosen by its name). */
export interface ManifestEntry {
  label: string | null;
  split: Split | null;
}

/**
 * A manifest inside an archive: `manifest.csv` or `manifest.jsonl` (`file,label,split`; files by their path
 * from the manifest's folder), or a Label Studio JSON export (tasks with an image and a choice; files matched
 * by name). What it says wins over class folders.
 */
export interface Manifest {
  file: string;
  /** How it names a file at `relativePath` (from its folder): the path itself, or the file's name. */
  keyOf(relativePath: string): string;
  entries: Map<string, ManifestEntry>;
  /** The line naming each key (to say which line names a file the archive lacks). */
  named: Map<string, number>;
}

export const MANIFEST_NAMES = ["manifest.csv", "manifest.jsonl"];

function entry(file: string, line: number, label: unknown, split: unknown): ManifestEntry {
  const splitText = typeof split === "string" ? split.trim() : "";
  const chosen = splitText ? splitNamed(splitText) : null;
  if (chosen === undefined)
    throw new ArchiveError(`${file} line ${line}: split "${String(split)}" is not train, validation or test.`);
  const labelText = typeof label === "string" ? label.trim() : "";
  return { label: labelText || null, split: chosen };
}

function fromRows(file: string, rows: { line: number; record: Record<string, unknown> }[]): Manifest {
  const entries = new Map<string, ManifestEntry>();
  const named = new Map<string, number>();
  for (const { line, record } of rows) {
    const name = typeof record.file === "string" ? record.file.trim().replace(/^\.\//, "") : "";
    if (!name) throw new ArchiveError(`${file} line ${line}: no file named (columns: file, label, split).`);
    entries.set(name, entry(file, line, record.label, record.split));
    named.set(name, line);
  }
  return { file, entries, named, keyOf: (relativePath) => relativePath };
}

function parseCsv(file: string, text: string): Manifest {
  try {
    const records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as {
      record: Record<string, unknown>;
      info: { lines: number };
    }[];
    return fromRows(
      file,
      records.map((r) => ({ line: r.info.lines, record: r.record })),
    );
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new ArchiveError(`${file}${line ? ` line ${line}` : ""}: ${(error as Error).message}`);
  }
}

function parseJsonl(file: string, text: string): Manifest {
  const rows = text.split("\n").flatMap((raw, i) => {
    if (!raw.trim()) return [];
    try {
      return [{ line: i + 1, record: JSON.parse(raw) as Record<string, unknown> }];
    } catch {
      throw new ArchiveError(`${file} line ${i + 1}: not a JSON object.`);
    }
  });
  return fromRows(file, rows);
}

/** Label Studio's uploads carry an 8-character prefix (`1a2b3c4d-daisy.jpg`): matched with or without it. */
const baseName = (name: string) => path.posix.basename(name).replace(/^[0-9a-f]{8}-/, "");

interface LabelStudioTask {
  data?: { image?: unknown };
  annotations?: { result?: { value?: { choices?: unknown[] } }[] }[];
}

/** A Label Studio JSON export (an array of tasks), or null when the JSON is something else. */
function parseLabelStudio(file: string, text: string): Manifest | null {
  let tasks: unknown;
  try {
    tasks = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(tasks) || !tasks.every((t) => typeof t === "object" && t && "data" in t)) return null;
  const entries = new Map<string, ManifestEntry>();
  const named = new Map<string, number>();
  for (const [i, task] of (tasks as LabelStudioTask[]).entries()) {
    const image = task.data?.image;
    if (typeof image !== "string") throw new ArchiveError(`${file} task ${i + 1}: no data.image.`);
    const choice = task.annotations?.[0]?.result?.[0]?.value?.choices?.[0];
    entries.set(baseName(image), { label: typeof choice === "string" ? choice : null, split: null });
    named.set(baseName(image), i + 1);
  }
  return { file, entries, named, keyOf: baseName };
}

/** The manifest in `name` (a path from the archive's root), or null when it is not one. */
export function parseManifest(name: string, text: string): Manifest | null {
  const base = path.posix.basename(name).toLowerCase();
  if (base === "manifest.csv") return parseCsv(name, text);
  if (base === "manifest.jsonl") return parseJsonl(name, text);
  if (base.endsWith(".json")) return parseLabelStudio(name, text);
  return null;
}

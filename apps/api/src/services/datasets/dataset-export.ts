import path from "node:path";
import { Readable } from "node:stream";
import { type Db, datasetsRepository, imagesRepository, type Split } from "@retrain/db";
import yazl from "yazl";
import { NotFoundError } from "../../domain/errors.js";
import type { Caller } from "../workspaces/access.js";
import type { DatasetService } from "./dataset-service.js";

/** Which images an export holds: all, or those of one label (by name) and/or one split. */
export interface ExportFilter {
  label?: string;
  split?: Split;
}

const PAGE = 500;
const SPLIT_NAMES: Record<Split, string> = { TRAIN: "train", VALIDATION: "validation", TEST: "test" };
const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
/** A folder name from a label: what a file system takes (the manifest keeps the label as it is). */
const folderName = (label: string | null) => (label ?? "unlabelled").replace(/[/\\\0]/g, "_").replace(/^\.+/, "_");

/**
 * A dataset as a zip of class folders (`daisy/1.jpg`, unlabelled images under `unlabelled/`) with
 * `manifest.csv` (file,label,split): what the archive import reads back, labels and splits alike. Each image's
 * bytes are read from the database when the zip reaches it, so memory holds one image at a time.
 */
export function createDatasetExport(db: Db, datasetService: DatasetService) {
  const images = imagesRepository(db);
  const datasets = datasetsRepository(db);
  return {
    async open(
      caller: Caller | null,
      datasetId: string,
      filter: ExportFilter,
    ): Promise<{ name: string; zip: Readable }> {
      const dataset = await datasetService.datasetFor(caller, datasetId, "read");
      const labels = await datasets.labelsOf([datasetId]);
      const labelId = filter.label === undefined ? undefined : labels.find((l) => l.name === filter.label)?.id;
      if (filter.label !== undefined && !labelId) throw new NotFoundError("Label");
      const names = new Map(labels.map((l) => [l.id, l.name]));
      const zip = new yazl.ZipFile();
      const manifest = ["file,label,split"];
      const used = new Set<string>();
      let after: string | undefined;
      do {
        const page = await images.page(
          { datasetId, labelId, split: filter.split },
          { limit: PAGE, after, inverted: false },
        );
        for (const image of page) {
          const label = image.labelId ? (names.get(image.labelId) ?? null) : null;
          const base = path.posix.basename(image.originalName.replaceAll("\\", "/")) || "image";
          let file = `${folderName(label)}/${base}`;
          if (used.has(file)) file = `${folderName(label)}/${image.id}-${base}`;
          used.add(file);
          manifest.push([file, label ?? "", SPLIT_NAMES[image.split]].map(csvCell).join(","));
          // Read when the zip gets to it: a lazy stream, not the bytes.
          const bytes = async function* () {
            const found = await images.bytes(image.id);
            if (found) yield Buffer.from(found.bytes);
          };
          zip.addReadStream(Readable.from(bytes()), file, { compress: false });
        }
        after = page.length === PAGE ? page.at(-1)?.id : undefined;
      } while (after);
      zip.addBuffer(Buffer.from(`${manifest.join("\n")}\n`), "manifest.csv");
      zip.end();
      return { name: `${dataset.name.replace(/[^\w.-]+/g, "-")}.zip`, zip: zip.outputStream as unknown as Readable };
    },
  };
}

export type DatasetExport = ReturnType<typeof createDatasetExport>;

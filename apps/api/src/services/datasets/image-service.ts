import {
  type Db,
  datasetsRepository,
  type Image,
  type ImageFilter,
  type ImageOrder,
  imagesRepository,
  type PageRequest,
  type Split,
} from "@retrain/db";
import { createImageIngest, type ImageIngest, type IngestResult } from "@retrain/ingest";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import type { Access, Caller } from "../workspaces/access.js";
import type { DatasetService } from "./dataset-service.js";
import {
  checkpointOfWorkspace,
  type ImageConfidence,
  type ImageConfidences,
  type RankedAnswers,
} from "./image-confidences.js";
import { checkUploadFiles } from "./upload-checks.js";

/** How a page of images is ordered and where it starts, and whose suggestions come with it. */
export interface ImageView {
  order: ImageOrder | "CONFIDENCE";
  descending: boolean;
  /** Rows to skip first (a grid jumping to a position); not with a cursor. */
  offset: number;
  /** A checkpoint whose answer each image carries (and that CONFIDENCE orders by). */
  checkpointId?: string | null;
}

/** An image, with the chosen checkpoint's answer when one was asked for (null: it has no vector yet). */
export type ImageWithSuggestion = Image & { suggestion?: ImageConfidence | null };

/**
 * The filter's ids in the checkpoint's confidence order, walked off its ranking (computed once per checkpoint
 * and dataset; sorting 100,000 ids on every page took 300-440 ms, the walk 45-80); images without an answer
 * come last either way, in id order.
 */
function inConfidenceOrder(ids: string[], { answers, ranked }: RankedAnswers, descending: boolean) {
  const wanted = new Set(ids);
  const ordered: string[] = [];
  const take = (id: string) => wanted.has(id) && ordered.push(id);
  if (descending) for (let i = ranked.length - 1; i >= 0; i--) take(ranked[i] as string);
  else for (const id of ranked) take(id);
  for (const id of ids) if (!answers.has(id)) ordered.push(id);
  return ordered;
}

const withAnswers = (rows: Image[], answers: Map<string, ImageConfidence>): ImageWithSuggestion[] =>
  rows.map((row) => ({ ...row, suggestion: answers.get(row.id) ?? null }));

/** The slice of an ordered id list a cursor page asks for (nearest the cursor first when inverted). */
function sliceOf(ids: string[], page: PageRequest, offset: number) {
  const at = (cursor: string) => ids.indexOf(cursor);
  if (page.before) {
    const end = Math.max(at(page.before), 0);
    return ids.slice(Math.max(0, end - page.limit), end).reverse();
  }
  const start = (page.after ? at(page.after) + 1 : 0) + offset;
  return ids.slice(start, start + page.limit);
}

export interface UploadFile {
  name: string;
  base64: string;
  /** Label name; created if the dataset has no such label yet. */
  label?: string | null;
  split?: Split | null;
}

export type UploadResult = IngestResult;

export function createImageService(
  db: Db,
  access: Access,
  datasetService: DatasetService,
  confidences: ImageConfidences,
) {
  const images = imagesRepository(db);
  const datasets = datasetsRepository(db);

  return {
    /** One result per file: a bad file is rejected with its reason while the others land. */
    async upload(caller: Caller | null, datasetId: string, files: UploadFile[]): Promise<UploadResult[]> {
      await datasetService.datasetFor(caller, datasetId, "write");
      checkUploadFiles("files", files);
      const ingest = createImageIngest(db, datasetId, caller?.userId ?? null);
      return ingest.many(files.map((file) => ({ ...file, bytes: Buffer.from(file.base64, "base64") })));
    },

    /**
     * An upload read one file at a time (the REST route streams a form): access is checked once, before any
     * byte is read; each file then lands or is rejected with its reason as it arrives.
     */
    async openUpload(caller: Caller | null, datasetId: string): Promise<ImageIngest> {
      await datasetService.datasetFor(caller, datasetId, "write");
      return createImageIngest(db, datasetId, caller?.userId ?? null);
    },

    /** A page of a dataset's images in the view's order, each with the view's checkpoint answer if it has one. */
    async page(
      caller: Caller | null,
      filter: ImageFilter,
      page: PageRequest,
      view: ImageView,
    ): Promise<ImageWithSuggestion[]> {
      const dataset = await datasetService.datasetFor(caller, filter.datasetId, "read");
      if (view.offset < 0) throw new ValidationError("offset", "Give an offset of 0 or more.");
      if (view.offset > 0 && (page.after || page.before))
        throw new ValidationError("offset", "Give an offset or a cursor, not both.");
      if (view.order === "CONFIDENCE" && !view.checkpointId)
        throw new ValidationError("checkpointId", "Choose a checkpoint to order by its confidence.");
      const checkpoint = view.checkpointId
        ? await checkpointOfWorkspace(access, caller, dataset.workspaceId, view.checkpointId)
        : null;
      if (view.order === "CONFIDENCE" && checkpoint) {
        const ranking = await confidences.of(checkpoint.id, dataset.id, checkpoint.baseModelId);
        const ids = sliceOf(inConfidenceOrder(await images.ids(filter), ranking, view.descending), page, view.offset);
        return withAnswers(await images.inOrder(ids), ranking.answers);
      }
      const order = view.order === "CONFIDENCE" ? "ADDED" : view.order;
      const rows = await images.page(filter, page, order, view.descending, view.offset);
      if (!checkpoint) return rows;
      const ids = rows.map((row) => row.id);
      return withAnswers(rows, await confidences.forImages(checkpoint.id, ids, checkpoint.baseModelId));
    },

    /** Images matching the filters (the connection's totalCount; access was checked by `page`). */
    count: (filter: ImageFilter) => images.count(filter),

    /** Relabel or move images; all must belong to one dataset the caller can write to. */
    async update(
      caller: Caller | null,
      ids: readonly string[],
      change: { labelId?: string | null; split?: Split | null },
    ) {
      const found = await images.findManyByIds(ids);
      const datasetIds = new Set(found.map((i) => i.datasetId));
      if (found.length !== ids.length || datasetIds.size !== 1) throw new NotFoundError("Image");
      const datasetId = [...datasetIds][0] as string;
      await datasetService.datasetFor(caller, datasetId, "write");
      if (change.labelId && !(await datasets.labelsOf([datasetId])).some((l) => l.id === change.labelId)) {
        throw new ValidationError("labelId", "That label is not in the images' dataset.");
      }
      await images.update(ids, { labelId: change.labelId, split: change.split ?? undefined });
      return images.findManyByIds(ids);
    },

    async delete(caller: Caller | null, ids: readonly string[]) {
      const found = await images.findManyByIds(ids);
      for (const datasetId of new Set(found.map((i) => i.datasetId)))
        await datasetService.datasetFor(caller, datasetId, "write");
      if (found.length !== ids.length) throw new NotFoundError("Image");
      return (await images.delete(ids)).count;
    },

    /** The thumbnail's bytes and type, for members of the image's workspace only (null for anyone else). */
    async thumbnail(caller: Caller | null, id: string) {
      const row = caller ? await images.thumbnail(id) : null;
      if (!row) return null;
      const allowed = await access.require(caller, row.workspaceId, "read").then(
        () => true,
        () => false,
      );
      return allowed ? await row.read() : null;
    },
  };
}

export type ImageService = ReturnType<typeof createImageService>;

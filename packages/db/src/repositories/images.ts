import type { Db } from "../client.js";
import type { Prisma, Split } from "../generated/prisma/client.js";
import {
  type BlobData,
  blobRow,
  bytesColumns,
  bytesOf,
  thumbnailColumns,
  thumbnailOf,
  upsertBlob,
  upsertBlobRow,
} from "./blob-storage.js";
import { deleteUnusedBlob, deleteUnusedBlobs, deleteUnusedBlobsAmong } from "./blob-sweep.js";
import { readChunkedBlob } from "./chunked-blobs.js";
import { type PageRequest, pageArgs, pageRows } from "./pages.js";

export interface ImageFilter {
  datasetId: string;
  labelId?: string;
  split?: Split;
  unlabelled?: boolean;
  /** Only images a base model could not read (bottleneck extraction failed). */
  failed?: boolean;
  /** Only images whose file name contains this (any case). */
  search?: string;
}

/** The orders a dataset's images can be read in; each ends with the id, so ties keep their place. */
export type ImageOrder = "ADDED" | "NAME";

const orderBy = (order: ImageOrder, descending: boolean): Prisma.ImageOrderByWithRelationInput[] => {
  const direction = descending ? "desc" : "asc";
  return order === "NAME"
    ? [{ originalName: direction }, { id: direction }]
    : [{ createdAt: direction }, { id: direction }];
};

function where(filter: ImageFilter): Prisma.ImageWhereInput {
  return {
    datasetId: filter.datasetId,
    ...(filter.unlabelled ? { labelId: null } : filter.labelId ? { labelId: filter.labelId } : {}),
    ...(filter.split ? { split: filter.split } : {}),
    ...(filter.failed ? { extractionFailures: { some: {} } } : {}),
    ...(filter.search ? { originalName: { contains: filter.search, mode: "insensitive" } } : {}),
  };
}

export const imagesRepository = (db: Db) => ({
  /** Stores bytes and thumbnail once per content hash; a second upload of the same bytes reuses them. */
  saveBlob: (blob: BlobData) => upsertBlob(db, blob),
  /** A blob's bytes a chunk at a time, in order (from its chunks, or its one row): memory holds one chunk. */
  blobChunks: (sha256: string) => readChunkedBlob(db, sha256),
  /** Drops a blob no image, job or model file uses any more (an imported archive). */
  deleteUnusedBlob: (sha256: string) => deleteUnusedBlob(db, sha256),
  /** Blobs nothing uses, stored before `before` (see deleteUnusedBlobs). */
  deleteUnusedBlobs: (before: Date) => deleteUnusedBlobs(db, before),
  findInDataset: (datasetId: string, sha256: string) =>
    db.image.findUnique({ where: { datasetId_sha256: { datasetId, sha256 } } }),
  create: (data: Prisma.ImageUncheckedCreateInput) => db.image.create({ data }),
  /**
   * An uploaded image with its bytes, in one transaction: a process killed half-way leaves neither, so an
   * image is never without its bytes nor bytes without their image.
   */
  createWithBlob: async (blob: BlobData, image: Omit<Prisma.ImageUncheckedCreateInput, "sha256">) => {
    const row = await blobRow(db, blob);
    const [, created] = await db.$transaction([
      upsertBlobRow(db, row),
      db.image.create({ data: { ...image, sha256: blob.sha256 } }),
    ]);
    return created;
  },
  /**
   * Many uploaded images with their bytes in one transaction (a request's files in one commit, not one each).
   * It fails whole when another request stored one of these images in between; the caller then goes file by
   * file. Blobs already stored (same bytes elsewhere) are left as they are.
   */
  createManyWithBlobs: async (items: { blob: BlobData; image: Omit<Prisma.ImageUncheckedCreateInput, "sha256"> }[]) => {
    if (items.length === 0) return [];
    const rows = await Promise.all(items.map((item) => blobRow(db, item.blob)));
    // A transaction of single queries, not a batch: Prisma caches a batch's query plans under the batch's
    // shape, which each group's row count and repeated values make new (up to 1,000 cached batches: an API
    // importing into one dataset kept 11 MB more heap per 1,000 photos); createMany plans are never cached.
    return await db.$transaction(async (tx) => {
      await tx.blob.createMany({ data: rows, skipDuplicates: true });
      return tx.image.createManyAndReturn({ data: items.map((item) => ({ ...item.image, sha256: item.blob.sha256 })) });
    });
  },
  /** The images of a dataset that have any of these hashes. */
  findManyInDataset: (datasetId: string, sha256s: string[]) =>
    db.image.findMany({ where: { datasetId, sha256: { in: sha256s } } }),
  findById: (id: string) => db.image.findUnique({ where: { id }, include: { dataset: true } }),
  findManyByIds: (ids: readonly string[]) =>
    db.image.findMany({ where: { id: { in: [...ids] } }, include: { dataset: true } }),
  /**
   * A page in the order asked for (a cursor connection's page); `skip` starts that many rows in, for a grid
   * that jumps to a position (the indexes on (dataset, order, id) keep a deep skip an index walk).
   */
  page: async (filter: ImageFilter, page: PageRequest, order: ImageOrder = "ADDED", descending = false, skip = 0) =>
    pageRows(
      page,
      await db.image.findMany({
        where: where(filter),
        orderBy: orderBy(order, descending),
        ...pageArgs(page),
        ...(skip > 0 ? { skip } : {}),
      }),
    ),
  /** The ids of every matching image (an order computed outside the database, such as by confidence). */
  ids: async (filter: ImageFilter) =>
    (await db.image.findMany({ where: where(filter), select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id),
  /** Rows by id, in the order of the ids given. */
  inOrder: async (ids: readonly string[]) => {
    const rows = new Map((await db.image.findMany({ where: { id: { in: [...ids] } } })).map((r) => [r.id, r]));
    return ids.flatMap((id) => rows.get(id) ?? []);
  },
  count: (filter: ImageFilter) => db.image.count({ where: where(filter) }),
  update: (ids: readonly string[], data: { labelId?: string | null; split?: Split }) =>
    db.image.updateMany({ where: { id: { in: [...ids] } }, data }),
  /** Deletes images, then their bytes where no other image (or job, model, kept prediction) uses them. */
  delete: async (ids: readonly string[]) => {
    const hashes = await db.image.findMany({ where: { id: { in: [...ids] } }, select: { sha256: true } });
    const deleted = await db.image.deleteMany({ where: { id: { in: [...ids] } } });
    await deleteUnusedBlobsAmong(
      db,
      hashes.map((h) => h.sha256),
    );
    return deleted;
  },
  /** The image's workspace, and a way to read its thumbnail once the caller may see it. */
  thumbnail: async (id: string) => {
    const row = await db.image.findUnique({
      where: { id },
      select: { dataset: { select: { workspaceId: true } }, blob: { select: thumbnailColumns } },
    });
    return row && { workspaceId: row.dataset.workspaceId, read: () => thumbnailOf(db, row.blob) };
  },
  /** The bytes of images of one workspace, by id, in one query; ids of other workspaces are simply absent. */
  bytesOfMany: async (ids: readonly string[], workspaceId: string) => {
    const rows = await db.image.findMany({
      where: { id: { in: [...ids] }, dataset: { workspaceId } },
      select: { id: true, blob: { select: bytesColumns } },
    });
    return new Map(await Promise.all(rows.map(async (row) => [row.id, await bytesOf(db, row.blob)] as const)));
  },
  bytes: async (id: string) => {
    const row = await db.image.findUnique({
      where: { id },
      select: { originalName: true, blob: { select: bytesColumns } },
    });
    return row && { originalName: row.originalName, bytes: await bytesOf(db, row.blob) };
  },
});

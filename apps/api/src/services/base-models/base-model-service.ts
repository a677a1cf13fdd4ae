import { createHash, randomBytes } from "node:crypto";
import {
  type BaseModel,
  baseModelsRepository,
  type Db,
  imagesRepository,
  inTransaction,
  workspacesRepository,
} from "@retrain/db";
import {
  CATALOG,
  checkModelSize,
  DEFAULT_MODEL_LIMITS,
  type DownloadOptions,
  EngineError,
  InvalidModelError,
  isNormalization,
  loadBaseModel,
  ModelUnavailableError,
  NORMALIZATIONS,
  parseModelJson,
} from "@retrain/engine";
import { isStoredModelCached, openStoredBaseModel, storedFormat, UPLOAD_SCHEME } from "@retrain/models";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors.js";
import { optionalText, requireName } from "../../domain/validate.js";
import { type Access, type Caller, requireCaller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import { dropCachedModelFiles } from "./cached-model-files.js";

export const MODEL_UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;
const URL_LENGTH = 2_000;

export interface RegisterBaseModelInput {
  workspaceId: string;
  name: string;
  /** The model.json of a TensorFlow.js model on the web; or else `files`. */
  url?: string | null;
  /** model.json and its weight shards, as uploaded. */
  files?: { path: string; base64: string }[] | null;
  normalization?: string | null;
  /** Layer or node to cut at (empty: the last pooling layer). */
  bottleneck?: string | null;
}

/** Catalog models as rows (bottlenecks and experiments point at them); run once at start. */
export async function syncCatalog(db: Db): Promise<void> {
  await baseModelsRepository(db).upsertCatalog(
    CATALOG.map((m) => ({
      key: m.id,
      name: m.name,
      sourceUrl: m.url,
      format: storedFormat(m.format),
      inputWidth: m.inputSize,
      inputHeight: m.inputSize,
      normalization: m.normalization,
      bottleneckOutput: m.bottleneck ?? "",
      featureDim: m.featureDim,
    })),
  );
}

/** Uploaded files checked before anything is stored: plain names, a real model.json, every shard, the limits. */
function checkedFiles(files: { path: string; base64: string }[], download: DownloadOptions) {
  const limits = download.limits ?? DEFAULT_MODEL_LIMITS;
  const decoded = files.map((f) => ({ path: f.path, bytes: Buffer.from(f.base64, "base64") }));
  if (decoded.reduce((sum, f) => sum + f.bytes.length, 0) > MODEL_UPLOAD_LIMIT_BYTES)
    throw new ValidationError("files", `A model upload is at most ${MODEL_UPLOAD_LIMIT_BYTES / 1024 ** 2} MB.`);
  for (const f of decoded)
    if (f.path.length > 200 || !/^[\w.-]+$/.test(f.path) || f.path.startsWith("."))
      throw new ValidationError("files", `"${f.path.slice(0, 60)}" is not a plain file name (no folders).`);
  const modelJson = decoded.find((f) => f.path === "model.json");
  if (!modelJson) throw new ValidationError("files", "The upload needs a model.json.");
  try {
    const manifest = parseModelJson(modelJson.bytes.toString("utf8"));
    checkModelSize(manifest, limits);
    const missing = manifest.weightsManifest.flatMap((g) => g.paths).filter((p) => !decoded.some((f) => f.path === p));
    if (missing.length)
      throw new ValidationError("files", `model.json names shards that were not uploaded: ${missing.join(", ")}.`);
  } catch (error) {
    if (error instanceof InvalidModelError) throw new ValidationError("files", `${error.reason}.`);
    throw error;
  }
  return decoded;
}

/** An engine refusal in words that name the URL and the reason, never a local folder or an address. */
function refusal(row: BaseModel, error: EngineError): ValidationError {
  const fromUrl = !row.sourceUrl.startsWith(UPLOAD_SCHEME);
  const reason =
    error instanceof ModelUnavailableError
      ? (error.reason ?? "cannot be downloaded")
      : error.message.replace(/\.$/, "");
  return fromUrl
    ? new ValidationError("url", `${row.sourceUrl} cannot be used: ${reason}.`)
    : new ValidationError("files", `The uploaded model cannot be used: ${reason}.`);
}

/** Base models: the catalog and each workspace's own, registered from a URL or uploaded files. */
export function createBaseModelService(
  db: Db,
  access: Access,
  models: { modelCacheDir: string; download: DownloadOptions },
) {
  const baseModels = baseModelsRepository(db);
  const log = activityLog(db);

  /** Loads a model the way training will, so a bad one is refused now, with the engine's reason. */
  async function probe(row: BaseModel) {
    try {
      const resolved = await openStoredBaseModel(db, row, models);
      const base = await loadBaseModel(resolved.spec, resolved.dir);
      base.dispose();
      return base;
    } catch (error) {
      if (error instanceof EngineError) throw refusal(row, error);
      throw error;
    }
  }

  /** A refused model leaves nothing: its row, its uploaded blobs and its files in the model cache. */
  async function forget(row: BaseModel, blobs: string[]) {
    await baseModels.delete(row.id);
    for (const sha256 of blobs) await imagesRepository(db).deleteUnusedBlob(sha256);
    await dropCachedModelFiles(db, row, models.modelCacheDir);
  }

  return {
    /** Catalog models and the caller's workspaces' custom ones, each with whether its weights are cached. */
    async list(caller: Caller | null) {
      const mine = await workspacesRepository(db).listForUser(requireCaller(caller).userId);
      const rows = await baseModels.listVisible(mine.map((w) => w.id));
      return rows.map((row) => ({ ...row, cached: isStoredModelCached(row, models.modelCacheDir) }));
    },

    async register(caller: Caller | null, input: RegisterBaseModelInput) {
      await access.require(caller, input.workspaceId, "write");
      const name = requireName("name", input.name);
      if (Boolean(input.url) === Boolean(input.files?.length))
        throw new ValidationError("url", "Give either the URL of a model.json or the uploaded files.");
      if (input.url && (input.url.length > URL_LENGTH || !/^https?:\/\/\S+$/.test(input.url)))
        throw new ValidationError("url", `Give an http(s) URL of at most ${URL_LENGTH} characters.`);
      if (input.normalization && !isNormalization(input.normalization))
        throw new ValidationError("normalization", `Use one of ${NORMALIZATIONS.join(", ")}.`);
      const bottleneck = optionalText("bottleneck", input.bottleneck, 200) ?? "";
      const files = input.files?.length ? checkedFiles(input.files, models.download) : [];
      const key = `custom_${randomBytes(6).toString("hex")}`;
      const blobs = files.map((f) => ({ ...f, sha256: createHash("sha256").update(f.bytes).digest("hex") }));
      const row = await inTransaction(db, async (tx) => {
        const created = await baseModelsRepository(tx).create({
          key,
          name,
          sourceUrl: input.url ?? `${UPLOAD_SCHEME}${key}`,
          format: "LAYERS",
          inputWidth: 0,
          inputHeight: 0,
          normalization: input.normalization ?? "[-1,1]",
          bottleneckOutput: bottleneck,
          featureDim: 0,
          workspaceId: input.workspaceId,
        });
        for (const f of blobs)
          await imagesRepository(tx).saveBlob({
            sha256: f.sha256,
            bytes: new Uint8Array(f.bytes),
            mimeType: "application/octet-stream",
          });
        await baseModelsRepository(tx).addFiles(
          created.id,
          blobs.map((f) => ({ path: f.path, sha256: f.sha256 })),
        );
        return created;
      });
      try {
        const base = await probe(row);
        const updated = await baseModels.describeLoaded(row.id, {
          format: storedFormat(base.spec.format),
          inputWidth: base.spec.inputSize,
          inputHeight: base.spec.inputSize,
          featureDim: base.spec.featureDim,
          weightsHash: base.weightsHash,
        });
        await log.record(caller, input.workspaceId, "base_model.registered", ["BaseModel", row.id]);
        return { ...updated, cached: true };
      } catch (error) {
        await forget(
          row,
          blobs.map((b) => b.sha256),
        );
        throw error;
      }
    },

    /** Deletes a workspace's own base model (ADMIN or above) that no experiment uses: row, blobs and files. */
    async remove(caller: Caller | null, id: string) {
      const row = await baseModels.findById(id);
      if (!row?.workspaceId) throw new NotFoundError("Base model");
      await access.require(caller, row.workspaceId, "destroy", "Base model");
      const used = await baseModels.experimentCount(id);
      if (used > 0) throw new ConflictError(`${used} experiment(s) use this base model: delete them first.`);
      await forget(row, await baseModels.fileHashes(id));
      await log.record(caller, row.workspaceId, "base_model.deleted", ["BaseModel", id], { name: row.name });
      return true;
    },
  };
}

export type BaseModelService = ReturnType<typeof createBaseModelService>;

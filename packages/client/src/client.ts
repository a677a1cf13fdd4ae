import { writeFile } from "node:fs/promises";
import { apiErrorOf, RetrainApiError } from "./errors.js";
import { folderImages, folderOf, type ImageInput, imageBlob, loadImage, type Split } from "./files.js";
import type { ClientRunStateQuery, HyperparametersInput, TokenScope, TypedDocumentString } from "./gql/graphql.js";
import * as op from "./operations.js";

export type Run = NonNullable<ClientRunStateQuery["run"]>;
export interface UploadResult {
  name: string;
  status: "ACCEPTED" | "DUPLICATE" | "REJECTED";
  imageId: string | null;
  reason: string | null;
}
export interface Prediction {
  checkpointId: string;
  labels: string[];
  latencyMs: number;
  results: {
    name: string;
    top: { label: string; probability: number }[];
    unknown: boolean;
    unknownReason: string | null;
    error: string | null;
  }[];
}

const ENDED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

/**
 * Retrain Studio over HTTP: GraphQL for the typed operations, REST for bytes (uploads, predictions, exports).
 * `url` is the API's origin (http://localhost:4000); `token` a personal API token or a session token.
 */
export class RetrainClient {
  readonly url: string;
  constructor(
    url: string,
    readonly token?: string,
  ) {
    this.url = url.replace(/\/graphql\/?$/, "").replace(/\/$/, "");
  }

  /** Signs a new account up (where the server allows it) and gives a client holding its session. */
  static async signUp(url: string, input: { email: string; name: string; password: string }) {
    const { signUp } = await new RetrainClient(url).request(op.SignUp, input);
    return new RetrainClient(url, signUp.sessionToken);
  }

  /** Any typed operation (generated from the schema); an error answer throws RetrainApiError. */
  async request<T, V>(document: TypedDocumentString<T, V>, variables?: V): Promise<T> {
    const body = (await this.fetchJson("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    })) as { data?: T };
    if (!body.data) throw new RetrainApiError("The API answered no data.", "ERROR");
    return body.data;
  }

  async createApiToken(name: string, scope: TokenScope = "WRITE") {
    return (await this.request(op.CreateApiToken, { name, scope })).createApiToken.secret;
  }
  async createWorkspace(name: string) {
    return (await this.request(op.CreateWorkspace, { name })).createWorkspace.id;
  }
  async createDataset(workspaceId: string, name: string) {
    return (await this.request(op.CreateDataset, { workspaceId, name })).createDataset.id;
  }

  /** Uploads images (paths or bytes) through the streamed REST route, `label` for those without one. */
  async uploadImages(datasetId: string, images: readonly ImageInput[], options: { label?: string } = {}) {
    const form = new FormData();
    if (options.label) form.append("label", options.label);
    for (const input of images) {
      const image = await loadImage(input);
      // A part's label or split applies to the files after it: each file says its own, or its folder does.
      if (image.label) form.append("label", image.label);
      if (image.split) form.append("split", image.split);
      form.append("files", imageBlob(image.bytes), image.name);
    }
    return (await this.fetchJson(`/v1/datasets/${datasetId}/images`, { method: "POST", body: form })) as {
      results: UploadResult[];
    };
  }

  /**
   * Uploads up to 100 images straight to the server's S3 store (presigned URLs: the bytes do not pass through
   * the API), then has the API store them; labelled like `uploadImages` (their own, else their folder's). A
   * server keeping blobs in PostgreSQL answers CONFLICT: use `uploadImages` there.
   */
  async uploadImagesDirect(datasetId: string, images: readonly ImageInput[]): Promise<UploadResult[]> {
    const loaded = await Promise.all(images.map(loadImage));
    const files = loaded.map((image) => ({ name: image.name, size: image.bytes.length }));
    const targets = (await this.request(op.StartDirectUploads, { datasetId, files })).startDirectUploads;
    await Promise.all(
      targets.map(async (target, i) => {
        const answer = await fetch(target.url, {
          method: "PUT",
          body: imageBlob(loaded[i]?.bytes ?? new Uint8Array()),
        });
        if (!answer.ok) throw new RetrainApiError(`The store refused ${target.name} (HTTP ${answer.status}).`, "ERROR");
      }),
    );
    const uploads = targets.map((target, i) => {
      const image = loaded[i];
      const split = image?.split ? (image.split.toUpperCase() as Uppercase<Split>) : undefined;
      return { key: target.key, name: target.name, label: image?.label ?? folderOf(target.name), split };
    });
    return (await this.request(op.FinishDirectUploads, { datasetId, uploads })).finishDirectUploads;
  }

  /** Uploads a class-per-folder tree (class folders become labels), `batch` files a request. */
  async uploadFolder(
    datasetId: string,
    folder: string,
    batch = 50,
    onProgress?: (done: number, total: number) => void,
  ): Promise<UploadResult[]> {
    const files = await folderImages(folder);
    const results: UploadResult[] = [];
    for (let i = 0; i < files.length; i += batch) {
      const slice = files.slice(i, i + batch).map((f) => f.path);
      const named = await Promise.all(slice.map(loadImage));
      const inputs = named.map((image, j) => ({ ...image, name: files[i + j]?.name ?? image.name }));
      results.push(...(await this.uploadImages(datasetId, inputs)).results);
      onProgress?.(results.length, files.length);
    }
    return results;
  }

  /** A catalog base model's id by its key (mobilenet_v2_035_224, efficientnet_b0...). */
  async baseModelId(key: string) {
    const found = (await this.request(op.BaseModels)).baseModels.find((m) => m.key === key);
    if (!found) throw new RetrainApiError(`No base model ${key}.`, "NOT_FOUND");
    return found.id;
  }
  async createExperiment(input: {
    datasetId: string;
    baseModelId: string;
    name: string;
    hyperparameters?: HyperparametersInput;
  }) {
    return (await this.request(op.CreateExperiment, { ...input, hyperparameters: input.hyperparameters ?? null }))
      .createExperiment.id;
  }
  async startRun(experimentId: string, hyperparameters?: HyperparametersInput) {
    return (await this.request(op.StartRun, { experimentId, hyperparameters: hyperparameters ?? null })).startRun.id;
  }
  async run(id: string): Promise<Run> {
    const { run } = await this.request(op.RunState, { id });
    if (!run) throw new RetrainApiError("TrainingRun not found", "NOT_FOUND");
    return run;
  }

  /**
   * Waits until a run ends and gives it (status, metrics, checkpoints); `onProgress` hears of each change on
   * the way (extraction, then epochs). Rejects after `timeoutMs`.
   */
  async waitForRun(id: string, options: { onProgress?: (run: Run) => void; pollMs?: number; timeoutMs?: number } = {}) {
    const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
    for (;;) {
      const run = await this.run(id);
      options.onProgress?.(run);
      if (ENDED.has(run.status)) return run;
      if (Date.now() > deadline) throw new RetrainApiError(`Run ${id} did not end in time.`, "TIMEOUT");
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
  }

  async promote(checkpointId: string, alias = "production") {
    await this.request(op.Promote, { checkpointId, alias });
  }

  /** Classifies images (paths or bytes) with an experiment's alias (production by default), by REST. */
  async predict(experimentId: string, images: readonly ImageInput[], options: { topK?: number; alias?: string } = {}) {
    const form = new FormData();
    for (const input of images) {
      const image = await loadImage(input);
      form.append("files", imageBlob(image.bytes), image.name);
    }
    const query = new URLSearchParams({
      topK: String(options.topK ?? 3),
      ...(options.alias ? { alias: options.alias } : {}),
    });
    return (await this.fetchJson(`/v1/experiments/${experimentId}/predict?${query}`, {
      method: "POST",
      body: form,
    })) as Prediction;
  }

  /** Downloads a checkpoint's export (a TensorFlow.js zip, or one ONNX file) to `destination`. */
  async downloadExport(checkpointId: string, destination: string, format: "zip" | "onnx" = "zip") {
    const response = await this.fetch(`/exports/${checkpointId}.${format}`, { method: "GET" });
    if (!response.ok) throw (await this.errorOf(response)) ?? new RetrainApiError("Download failed.", "ERROR");
    await writeFile(destination, new Uint8Array(await response.arrayBuffer()));
    return destination;
  }

  /** Downloads a dataset (or its `label` / `split` selection) as class folders with manifest.csv. */
  async downloadDataset(datasetId: string, destination: string, filter: { label?: string; split?: string } = {}) {
    const query = new URLSearchParams(filter as Record<string, string>);
    const response = await this.fetch(`/v1/datasets/${datasetId}/export.zip?${query}`, { method: "GET" });
    if (!response.ok) throw (await this.errorOf(response)) ?? new RetrainApiError("Download failed.", "ERROR");
    await writeFile(destination, new Uint8Array(await response.arrayBuffer()));
    return destination;
  }

  private fetch(pathname: string, init: RequestInit) {
    const headers = new Headers(init.headers);
    if (this.token) headers.set("authorization", `Bearer ${this.token}`);
    return fetch(`${this.url}${pathname}`, { ...init, headers }).catch((error: unknown) => {
      throw new RetrainApiError(`${this.url} cannot be reached (${(error as Error).message}).`, "API_UNREACHABLE");
    });
  }

  private async errorOf(response: Response) {
    return apiErrorOf(await response.json().catch(() => null), response.status);
  }

  private async fetchJson(pathname: string, init: RequestInit): Promise<unknown> {
    const response = await this.fetch(pathname, init);
    const body = await response.json().catch(() => null);
    const error = apiErrorOf(body, response.status);
    if (error) throw error;
    if (!response.ok)
      throw new RetrainApiError(`The API answered ${response.status}.`, "ERROR", undefined, response.status);
    return body;
  }
}

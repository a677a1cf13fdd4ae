"use client";
import { type DragEvent, useRef, useState } from "react";
import { graphql } from "../gql";
import type { ImportJobStateFragment } from "../gql/graphql";
import { gql } from "../lib/api";
import { droppedFiles, folderOfPicked, type PickedFile } from "../lib/dropped-files";
import { followSubscription } from "../lib/live";
import { BucketUnreachableError, browserUploadsAllowed, uploadImagesDirect } from "../lib/upload-direct";
import { type UploadItem, uploadImages } from "../lib/upload-images";
import { ErrorNote, ProgressBar } from "./feedback";

type Status = "waiting" | "uploading" | "ACCEPTED" | "DUPLICATE" | "REJECTED" | "importing";
interface Row {
  /** Rows are told apart by id: two files of one name (from two folders) are two rows. */
  id: number;
  name: string;
  /** Bytes sent so far, 0 to 1, while uploading. */
  sent?: number;
  status: Status;
  reason?: string;
  progress?: { done: number; total: number };
}

const ImportJobQuery = graphql(`query ImportJob($id: ID!) { job(id: $id) { ...ImportJobState } }`);
const ImportJobProgress = graphql(
  `subscription ImportJobProgress($id: ID!) { jobProgress(id: $id) { ...ImportJobState } }`,
);
// Its fields are spread into the query and the subscription above (codegen inlines the fragment).
graphql(`fragment ImportJobState on Job { status error progress { done total }
  result { __typename ... on ImportResult { accepted rejected duplicates } } }`);
/** Files a request: the server stores them one by one as they arrive, so a batch only bounds a retry. */
const BATCH = 50;
let nextRowId = 0;

/** Drag-and-drop (or pick) many images and zips; per-file progress and results; zips become import jobs. */
export function UploadPanel({ datasetId, onUploaded }: { datasetId: string; onUploaded: () => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [label, setLabel] = useState("");
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Straight to the bucket when the server allows it (asked once); through the server otherwise.
  const direct = useRef<Promise<boolean> | null>(null);
  const update = (id: number, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.id === id ? { ...r, ...change } : r)));

  async function importZip(file: File, id: number) {
    update(id, { status: "uploading" });
    const response = await fetch(`/uploads/archive/${datasetId}`, { method: "POST", body: file });
    const body = (await response.json()) as { jobId?: string; error?: { message: string } };
    if (!body.jobId) return update(id, { status: "REJECTED", reason: body.error?.message });
    update(id, { status: "importing" });
    const show = (job: ImportJobStateFragment) => {
      update(id, { progress: job.progress });
      if (!["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.status)) return false;
      const r = job.result?.__typename === "ImportResult" ? job.result : null;
      update(id, {
        status: job.status === "SUCCEEDED" ? "ACCEPTED" : "REJECTED",
        reason:
          job.error ?? (r ? `${r.accepted} imported, ${r.duplicates} duplicates, ${r.rejected} rejected` : undefined),
      });
      return true;
    };
    // Pushed over the WebSocket; polled only when it cannot connect.
    const jobId = body.jobId;
    let ended = false;
    if (await followSubscription(ImportJobProgress, { id: jobId }, (d) => (ended ||= show(d.jobProgress)))) return;
    while (!ended) {
      ended = show((await gql(ImportJobQuery, { id: jobId })).job);
      if (!ended) await new Promise((resolve) => setTimeout(resolve, 700));
    }
  }

  /** A batch to the bucket, or through the server when the bucket cannot be reached from this browser. */
  async function send(items: UploadItem[], onProgress: (index: number, fraction: number) => void) {
    direct.current ??= browserUploadsAllowed().catch(() => false);
    if (await direct.current) {
      try {
        return await uploadImagesDirect(datasetId, items, label, onProgress);
      } catch (e) {
        if (!(e instanceof BucketUnreachableError)) throw e;
        direct.current = Promise.resolve(false);
        setNotice(`${e.message} Sending the images through the server instead.`);
      }
    }
    return uploadImages(datasetId, items, label, onProgress);
  }

  async function add(files: PickedFile[]) {
    setError(null);
    const added = files.map((picked) => ({ ...picked, id: nextRowId++ }));
    setRows((all) => [
      ...added.map(({ file, folder, id }) => ({
        id,
        name: folder ? `${folder}/${file.name}` : file.name,
        status: "waiting" as const,
      })),
      ...all,
    ]);
    try {
      const images = added.filter(({ file }) => !/\.zip$/i.test(file.name));
      for (let i = 0; i < images.length; i += BATCH) {
        const batch = images.slice(i, i + BATCH);
        for (const { id } of batch) update(id, { status: "uploading", sent: 0 });
        const items: (UploadItem & { id: number })[] = batch;
        const answers = await send(items, (index, sent) => {
          const row = items[index];
          if (row) update(row.id, { sent });
        });
        for (const { item, answer } of answers)
          update((item as (typeof items)[number]).id, {
            status: answer.status,
            reason: answer.reason,
            sent: undefined,
          });
        onUploaded();
      }
      for (const { file, id } of added.filter(({ file }) => /\.zip$/i.test(file.name))) {
        await importZip(file, id);
        onUploaded();
      }
    } catch (e) {
      setError(e);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    droppedFiles(event.dataTransfer).then(add, setError);
  }

  const done = rows.filter((r) => !["waiting", "uploading", "importing"].includes(r.status)).length;
  return (
    <section className="card" aria-label="Upload images">
      <h2>Add images</h2>
      <label>
        Label for images not in a class folder
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. daisy (optional)" />
      </label>
      <label
        className={`dropzone${over ? " over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <span>Drop images, class folders or zips (one folder per class) here, or click to choose files</span>
        <input
          type="file"
          multiple
          accept="image/*,.zip"
          aria-label="Choose images or zip archives"
          onChange={(e) =>
            void add([...(e.target.files ?? [])].map((file) => ({ file, folder: folderOfPicked(file) })))
          }
        />
      </label>
      <ErrorNote error={error} />
      {notice && <p role="status">{notice}</p>}
      {rows.length > 0 && (
        <>
          <ProgressBar value={done} max={rows.length} label="Files processed" />
          <ul className="upload-results" aria-label="Upload results">
            {rows.map((r) => (
              <li key={r.id} className={`status-${r.status}`}>
                <span>{r.name}</span>
                <span>
                  {r.status === "importing" && r.progress
                    ? `importing ${r.progress.done}/${r.progress.total}`
                    : r.status === "uploading" && r.sent !== undefined
                      ? `uploading ${Math.round(r.sent * 100)}%`
                      : r.status.toLowerCase()}
                  {r.reason && ` — ${r.reason}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

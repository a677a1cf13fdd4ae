"use client";
import { type DragEvent, useState } from "react";
import { graphql } from "../gql";
import type { ImportJobStateFragment } from "../gql/graphql";
import { fileToBase64, gql } from "../lib/api";
import { followSubscription } from "../lib/live";
import { ErrorNote, ProgressBar } from "./feedback";

type Status = "waiting" | "uploading" | "ACCEPTED" | "DUPLICATE" | "REJECTED" | "importing";
interface Row {
  name: string;
  status: Status;
  reason?: string;
  progress?: { done: number; total: number };
}

const UploadImages = graphql(`mutation UploadImages($d: ID!, $f: [UploadFileInput!]!) {
  uploadImages(datasetId: $d, files: $f) { name status reason } }`);
const ImportJobQuery = graphql(`query ImportJob($id: ID!) { job(id: $id) { ...ImportJobState } }`);
const ImportJobProgress = graphql(
  `subscription ImportJobProgress($id: ID!) { jobProgress(id: $id) { ...ImportJobState } }`,
);
// Its fields are spread into the query and the subscription above (codegen inlines the fragment).
graphql(`fragment ImportJobState on Job { status error progress { done total }
  result { __typename ... on ImportResult { accepted rejected duplicates } } }`);
const BATCH = 8;

/** The folder a dropped file came from (its class), when the browser tells. */
const folderOf = (file: File) => file.webkitRelativePath.split("/").slice(-2, -1)[0] || null;

/** Drag-and-drop (or pick) many images and zips; per-file progress and results; zips become import jobs. */
export function UploadPanel({ datasetId, onUploaded }: { datasetId: string; onUploaded: () => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [label, setLabel] = useState("");
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const update = (name: string, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.name === name ? { ...r, ...change } : r)));

  async function importZip(file: File) {
    update(file.name, { status: "uploading" });
    const response = await fetch(`/uploads/archive/${datasetId}`, { method: "POST", body: file });
    const body = (await response.json()) as { jobId?: string; error?: { message: string } };
    if (!body.jobId) return update(file.name, { status: "REJECTED", reason: body.error?.message });
    update(file.name, { status: "importing" });
    const show = (job: ImportJobStateFragment) => {
      update(file.name, { progress: job.progress });
      if (!["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.status)) return false;
      const r = job.result?.__typename === "ImportResult" ? job.result : null;
      update(file.name, {
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

  async function add(files: File[]) {
    setError(null);
    setRows((all) => [...files.map((f) => ({ name: f.name, status: "waiting" as const })), ...all]);
    try {
      const images = files.filter((f) => !/\.zip$/i.test(f.name));
      for (let i = 0; i < images.length; i += BATCH) {
        const batch = images.slice(i, i + BATCH);
        for (const f of batch) update(f.name, { status: "uploading" });
        const payload = await Promise.all(
          batch.map(async (f) => ({
            name: f.name,
            base64: await fileToBase64(f),
            label: folderOf(f) ?? (label || null),
          })),
        );
        const { uploadImages } = await gql(UploadImages, { d: datasetId, f: payload });
        for (const r of uploadImages) update(r.name, { status: r.status, reason: r.reason ?? undefined });
        onUploaded();
      }
      for (const zip of files.filter((f) => /\.zip$/i.test(f.name))) {
        await importZip(zip);
        onUploaded();
      }
    } catch (e) {
      setError(e);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void add([...event.dataTransfer.files]);
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
        <span>Drop images or zips (one folder per class) here, or click to choose files</span>
        <input
          type="file"
          multiple
          accept="image/*,.zip"
          aria-label="Choose images or zip archives"
          onChange={(e) => void add([...(e.target.files ?? [])])}
        />
      </label>
      <ErrorNote error={error} />
      {rows.length > 0 && (
        <>
          <ProgressBar value={done} max={rows.length} label="Files processed" />
          <ul className="upload-results" aria-label="Upload results">
            {rows.map((r) => (
              <li key={r.name} className={`status-${r.status}`}>
                <span>{r.name}</span>
                <span>
                  {r.status === "importing" && r.progress
                    ? `importing ${r.progress.done}/${r.progress.total}`
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

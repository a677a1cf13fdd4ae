import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Checkpoint } from "./checkpoint.js";

/** A checkpoint on disk: checkpoint.json, head.bin (weights) and optimizer.bin (optimizer state). */
export async function writeCheckpointFolder(dir: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { weights, optimizerState, ...meta } = checkpoint;
  await writeFile(path.join(dir, "head.bin"), weights);
  if (optimizerState) await writeFile(path.join(dir, "optimizer.bin"), optimizerState.data);
  const json = { ...meta, optimizerSpecs: optimizerState?.specs };
  await writeFile(path.join(dir, "checkpoint.json"), JSON.stringify(json, null, 2));
}

export async function readCheckpointFolder(dir: string): Promise<Checkpoint> {
  const json = JSON.parse(await readFile(path.join(dir, "checkpoint.json"), "utf8"));
  const { optimizerSpecs, ...meta } = json;
  const weights = new Uint8Array(await readFile(path.join(dir, "head.bin")));
  const optimizerState = optimizerSpecs
    ? { specs: optimizerSpecs, data: new Uint8Array(await readFile(path.join(dir, "optimizer.bin"))) }
    : undefined;
  return { ...meta, weights, optimizerState };
}

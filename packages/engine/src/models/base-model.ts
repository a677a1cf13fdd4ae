import { formatOf } from "../formats/formats.js";
import type { BaseModel } from "../formats/model-format.js";
import type { BaseModelSpec } from "./catalog.js";
import { readModelFolder } from "./model-files.js";

export type { BaseModel } from "../formats/model-format.js";

/** Loads a base model on TensorFlow.js from a folder holding model.json and its shards, whatever its format. */
export async function loadBaseModel(spec: BaseModelSpec, dir: string): Promise<BaseModel> {
  const files = await readModelFolder(dir);
  return formatOf(files.json).load(spec, files);
}

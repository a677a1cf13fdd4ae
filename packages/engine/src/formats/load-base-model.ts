import type { BaseModelSpec } from "../models/catalog.js";
import { readModelFolder } from "../models/model-files.js";
import { formatOf } from "./formats.js";
import type { BaseModel } from "./model-format.js";

export type { BaseModel } from "./model-format.js";

/** Loads a base model on TensorFlow.js from a folder holding model.json and its shards, whatever its format. */
export async function loadBaseModel(spec: BaseModelSpec, dir: string): Promise<BaseModel> {
  const files = await readModelFolder(dir);
  return formatOf(files.json).load(spec, files);
}

import type { BaseModel as BaseModelRow } from "@retrain/db";
import { type BaseModelSpec, catalogEntry, type ModelFormat, normalizationOf } from "@retrain/engine";

/** What a head trained on a stored base model records of it, and the pixels it expects. */
export interface StoredModelIdentity {
  id: string;
  url: string;
  format: ModelFormat;
  featureDim: number;
  weightsHash: string;
  bottleneck?: string;
}

export const formatOfRow = (row: Pick<BaseModelRow, "format">): ModelFormat =>
  row.format === "GRAPH" ? "graph" : "layers";

/**
 * The one mapping from a stored base model row to the engine's terms, used by the API and the worker alike:
 * its spec (the catalog entry's, where it is one, with what the row learned), the identity a checkpoint
 * records (the cut point included, as the CLI records it), and the preprocessing its head is trained with.
 */
export function storedModel(row: BaseModelRow) {
  const catalog = catalogEntry(row.key);
  const normalization = normalizationOf(row.normalization);
  const spec: BaseModelSpec = {
    ...(catalog ?? { id: row.key, name: row.name, url: row.sourceUrl }),
    format: formatOfRow(row),
    inputSize: row.inputWidth || catalog?.inputSize || 224,
    normalization,
    bottleneck: row.bottleneckOutput || catalog?.bottleneck,
    featureDim: row.featureDim,
  };
  const identity: StoredModelIdentity = {
    id: row.key,
    url: row.sourceUrl,
    format: spec.format,
    featureDim: row.featureDim,
    weightsHash: row.weightsHash ?? "",
    bottleneck: spec.bottleneck,
  };
  return {
    spec,
    identity,
    preprocessing: { inputSize: spec.inputSize, normalization, resize: "center-crop" as const },
  };
}

import type { BaseModel as BaseModelRow, ModelFormat as StoredFormat } from "@retrain/db";
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

// The engine's formats and the database enum's values, both ways: a format added on either side fails the
// typecheck here until it is mapped (and the enum has its migration).
const ENGINE_FORMAT = { LAYERS: "layers", GRAPH: "graph" } as const satisfies Record<StoredFormat, ModelFormat>;
const STORED_FORMAT = { layers: "LAYERS", graph: "GRAPH" } as const satisfies Record<ModelFormat, StoredFormat>;

export const formatOfRow = (row: Pick<BaseModelRow, "format">): ModelFormat => ENGINE_FORMAT[row.format];
export const storedFormat = (format: ModelFormat): StoredFormat => STORED_FORMAT[format];

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

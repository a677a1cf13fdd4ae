import { InvalidModelError } from "../errors.js";
import type { ModelFormat } from "../models/catalog.js";
import type { ModelJson } from "../models/model-json.js";
import { graphFormat } from "./graph-format.js";
import { layersFormat } from "./layers-format.js";
import type { ModelFormatModule } from "./model-format.js";

/** Every model format the engine reads. A new one is a module implementing ModelFormatModule, listed here. */
export const FORMATS: readonly ModelFormatModule[] = [layersFormat, graphFormat];

/** The format of a model.json, from what it declares (or its topology, for files that declare nothing). */
export function formatOf(json: ModelJson): ModelFormatModule {
  const found = FORMATS.find((f) => f.detect(json));
  if (!found)
    throw new InvalidModelError(
      `model.json is neither a layers model nor a graph model (format "${json.format ?? "none"}")`,
    );
  return found;
}

export const formatNamed = (name: ModelFormat): ModelFormatModule =>
  FORMATS.find((f) => f.name === name) ?? layersFormat;

/** A catalog model as the committed benchmark measured it. */
export interface CatalogFigures {
  /** Extraction on ONNX Runtime, files to stored vectors, all cores. */
  imagesPerSecond: number;
  /** Validation accuracy of a head trained with the CLI's defaults on flowers_small. */
  flowersValidationAccuracy: number;
  gflopPerImage: number;
  cores: number;
  /** ISO date of the run. */
  measuredOn: string;
}

/** Written by `npm run bench:models` (packages/engine/bench/base-models-bench.ts): its last run's figures. */
export const CATALOG_FIGURES: Record<string, CatalogFigures> = {
  mobilenet_v2_035_224: {
    imagesPerSecond: 351,
    flowersValidationAccuracy: 0.751,
    gflopPerImage: 0.116,
    cores: 2,
    measuredOn: "2026-12-02",
  },
  efficientnet_b0_224: {
    imagesPerSecond: 90,
    flowersValidationAccuracy: 0.779,
    gflopPerImage: 0.769,
    cores: 2,
    measuredOn: "2026-12-02",
  },
  resnet50_224: {
    imagesPerSecond: 22,
    flowersValidationAccuracy: 0.753,
    gflopPerImage: 7.712,
    cores: 2,
    measuredOn: "2026-12-02",
  },
};

import type { CatalogFigures } from "@retrain/engine";
import { builder } from "./builder.js";

export const BaseModelRoleEnum = builder.enumType("BaseModelRole", {
  description: "What a catalog model is recommended for.",
  values: {
    DEFAULT: { description: "The model new experiments and the CLI start from: the strongest that installs offline." },
    FAST: { description: "The quick choice: several times the default's speed, some accuracy less." },
  } as const,
});

export const BaseModelBenchmarkRef = builder.objectRef<CatalogFigures>("BaseModelBenchmark").implement({
  description: "A catalog model measured by the committed benchmark (npm run bench:models), on its machine.",
  fields: (t) => ({
    imagesPerSecond: t.exposeFloat("imagesPerSecond", {
      description: "Extraction on ONNX Runtime, end to end (files to stored vectors), all cores of the machine.",
    }),
    flowersValidationAccuracy: t.exposeFloat("flowersValidationAccuracy", {
      description:
        "Validation accuracy of a head trained with the defaults on flowers_small (4,317 photos, 5 classes).",
    }),
    gflopPerImage: t.exposeFloat("gflopPerImage", { description: "Billions of floating-point operations an image." }),
    cores: t.exposeInt("cores", { description: "Cores of the machine measured." }),
    measuredOn: t.exposeString("measuredOn", { description: "When (ISO date)." }),
  }),
});

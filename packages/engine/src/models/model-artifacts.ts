import * as tf from "@tensorflow/tfjs";
import { EngineError } from "../errors.js";

/** The model's artifacts as TensorFlow.js would save them, kept in memory. */
export async function modelArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!saved) throw new EngineError("the model could not be serialised");
  return saved;
}

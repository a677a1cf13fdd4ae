import type { Db } from "@retrain/db";
import { createClassifier, fromCheckpointRecord, loadBaseModel, restoreCheckpoint } from "@retrain/engine";
import { resolveStoredBaseModel } from "@retrain/models";

/**
 * What the engine alone answers for a photo with a stored checkpoint: its rows read back, its base model
 * loaded from the model cache on TensorFlow.js, its head restored. Tests compare the API's predictions,
 * served on ONNX Runtime, with it.
 */
export async function engineAnswer(db: Db, checkpointId: string, modelCacheDir: string, photo: Buffer, k: number) {
  const row = await db.checkpoint.findUniqueOrThrow({ where: { id: checkpointId }, include: { baseModel: true } });
  const record = fromCheckpointRecord(row);
  const resolved = await resolveStoredBaseModel(row.baseModel, modelCacheDir);
  const base = await loadBaseModel(resolved.spec, resolved.dir);
  const { head } = await restoreCheckpoint(record, base);
  try {
    const classifier = createClassifier(base, head, row.labels, record.preprocessing, record.calibration);
    const [answer] = await classifier.predict([{ name: "photo.jpg", bytes: photo }], k);
    if (!answer || !("top" in answer)) throw new Error(`the engine did not predict: ${JSON.stringify(answer)}`);
    return { record, labels: row.labels, top: answer.top };
  } finally {
    base.dispose();
    head.dispose();
  }
}

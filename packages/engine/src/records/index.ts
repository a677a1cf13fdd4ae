// The engine's stored-record schemas alone (zod, no TensorFlow.js): what @retrain/db reads JSON columns with.
export {
  type ClassifierMetrics,
  calibrationSchema,
  classifierMetricsSchema,
  readStored,
  type StoredEvaluation,
  type StoredMetrics,
  storedEvaluationSchema,
  storedHyperparametersSchema,
  storedMetricsSchema,
} from "./stored-records.js";

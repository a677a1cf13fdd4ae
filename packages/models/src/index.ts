export {
  createModelFetch,
  type FetchPolicy,
  isPublicAddress,
  type ModelDownloadSettings,
  modelDownloadOptions,
  RefusedFetchError,
} from "./model-fetch.js";
export { openStoredBaseModel } from "./stored-model.js";
export {
  isStoredModelCached,
  resolveStoredBaseModel,
  type StoredBaseModel,
  storedModelDir,
  UPLOAD_SCHEME,
} from "./stored-model-dir.js";
export { formatOfRow, type StoredModelIdentity, storedFormat, storedModel } from "./stored-model-spec.js";

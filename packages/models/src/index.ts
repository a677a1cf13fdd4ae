export { createModelFetch, type FetchPolicy, type ModelDownloadSettings, modelDownloadOptions } from "./model-fetch.js";
export { isPublicAddress, RefusedFetchError } from "./outbound-guard.js";
export { openStoredBaseModel } from "./stored-model.js";
export {
  isStoredModelCached,
  resolveStoredBaseModel,
  type StoredBaseModel,
  storedModelDir,
  UPLOAD_SCHEME,
} from "./stored-model-dir.js";
export { formatOfRow, type StoredModelIdentity, storedFormat, storedModel } from "./stored-model-spec.js";

export { createImageIngest, IMAGE_LIMITS, type IncomingImage, type IngestResult } from "./ingest-image.js";
export {
  createModelFetch,
  type FetchPolicy,
  isPublicAddress,
  type ModelDownloadSettings,
  modelDownloadOptions,
  RefusedFetchError,
} from "./model-fetch.js";
export { ARCHIVE_LIMITS, ArchiveError, type ArchiveImage, inspectArchive, openArchive } from "./read-archive.js";
export { openStoredBaseModel } from "./stored-model.js";

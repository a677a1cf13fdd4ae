export { createIngestGroup, type IngestGroup } from "./ingest-group.js";
export {
  blobOf,
  createImageIngest,
  IMAGE_LIMITS,
  type ImageIngest,
  INGEST_GROUP,
  type IncomingImage,
  type IngestResult,
  splitNamed,
} from "./ingest-image.js";
export {
  ARCHIVE_LIMITS,
  ArchiveError,
  type ArchiveImage,
  type ArchiveSource,
  inspectArchive,
  openArchive,
} from "./read-archive.js";

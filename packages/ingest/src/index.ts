export {
  blobOf,
  createImageIngest,
  IMAGE_LIMITS,
  type ImageIngest,
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

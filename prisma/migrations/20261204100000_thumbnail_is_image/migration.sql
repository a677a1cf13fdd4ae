-- A small upright JPEG is its own thumbnail: none is stored for it.
ALTER TABLE "Blob" ADD COLUMN "thumbnailIsImage" BOOLEAN NOT NULL DEFAULT false;

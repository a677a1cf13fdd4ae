-- CreateIndex
CREATE INDEX "Image_datasetId_createdAt_id_idx" ON "Image"("datasetId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Image_datasetId_originalName_id_idx" ON "Image"("datasetId", "originalName", "id");

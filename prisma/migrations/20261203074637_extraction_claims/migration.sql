-- CreateTable
CREATE TABLE "ExtractionClaim" (
    "imageId" TEXT NOT NULL,
    "baseModelId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExtractionClaim_pkey" PRIMARY KEY ("imageId","baseModelId")
);

-- CreateIndex
CREATE INDEX "ExtractionClaim_baseModelId_expiresAt_idx" ON "ExtractionClaim"("baseModelId", "expiresAt");

-- CreateIndex
CREATE INDEX "Image_datasetId_id_idx" ON "Image"("datasetId", "id");

-- AddForeignKey
ALTER TABLE "ExtractionClaim" ADD CONSTRAINT "ExtractionClaim_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractionClaim" ADD CONSTRAINT "ExtractionClaim_baseModelId_fkey" FOREIGN KEY ("baseModelId") REFERENCES "BaseModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

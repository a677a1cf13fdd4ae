-- Every worker adds the vectors and failures it stores to one row per dataset and base model: an
-- extraction's progress reads it instead of probing every image (tens of seconds at 10 million images).
CREATE TABLE "ExtractionCounter" (
    "datasetId" TEXT NOT NULL,
    "baseModelId" TEXT NOT NULL,
    "stored" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ExtractionCounter_pkey" PRIMARY KEY ("datasetId","baseModelId")
);

-- CreateIndex
CREATE INDEX "ExtractionCounter_baseModelId_idx" ON "ExtractionCounter"("baseModelId");

-- AddForeignKey
ALTER TABLE "ExtractionCounter" ADD CONSTRAINT "ExtractionCounter_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractionCounter" ADD CONSTRAINT "ExtractionCounter_baseModelId_fkey" FOREIGN KEY ("baseModelId") REFERENCES "BaseModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

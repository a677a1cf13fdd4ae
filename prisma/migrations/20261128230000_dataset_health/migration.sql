-- AlterEnum
ALTER TYPE "JobKind" ADD VALUE 'HEALTH';

-- CreateTable
CREATE TABLE "DatasetHealth" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "baseModelId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "mapImageIds" TEXT[],
    "mapPoints" BYTEA NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetHealth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthReview" (
    "datasetId" TEXT NOT NULL,
    "findingKey" TEXT NOT NULL,
    "reviewedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthReview_pkey" PRIMARY KEY ("datasetId","findingKey")
);

-- CreateIndex
CREATE INDEX "DatasetHealth_baseModelId_idx" ON "DatasetHealth"("baseModelId");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetHealth_datasetId_baseModelId_key" ON "DatasetHealth"("datasetId", "baseModelId");

-- CreateIndex
CREATE INDEX "HealthReview_reviewedById_idx" ON "HealthReview"("reviewedById");

-- AddForeignKey
ALTER TABLE "DatasetHealth" ADD CONSTRAINT "DatasetHealth_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetHealth" ADD CONSTRAINT "DatasetHealth_baseModelId_fkey" FOREIGN KEY ("baseModelId") REFERENCES "BaseModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthReview" ADD CONSTRAINT "HealthReview_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthReview" ADD CONSTRAINT "HealthReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



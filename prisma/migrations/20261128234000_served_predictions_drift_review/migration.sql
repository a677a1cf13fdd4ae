-- AlterTable
ALTER TABLE "Prediction" ADD COLUMN     "alias" TEXT,
ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "keptSha256" TEXT,
ADD COLUMN     "label" TEXT,
ADD COLUMN     "margin" DOUBLE PRECISION,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "unknown" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "keepServedImages" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Prediction_checkpointId_alias_createdAt_idx" ON "Prediction"("checkpointId", "alias", "createdAt");

-- CreateIndex
CREATE INDEX "Prediction_keptSha256_idx" ON "Prediction"("keptSha256");

-- AddForeignKey
ALTER TABLE "Prediction" ADD CONSTRAINT "Prediction_keptSha256_fkey" FOREIGN KEY ("keptSha256") REFERENCES "Blob"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;



-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "inputSha256" TEXT;

-- CreateTable
CREATE TABLE "BaseModelFile" (
    "id" TEXT NOT NULL,
    "baseModelId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "BaseModelFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BaseModelFile_sha256_idx" ON "BaseModelFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "BaseModelFile_baseModelId_path_key" ON "BaseModelFile"("baseModelId", "path");

-- CreateIndex
CREATE INDEX "Job_inputSha256_idx" ON "Job"("inputSha256");

-- AddForeignKey
ALTER TABLE "BaseModelFile" ADD CONSTRAINT "BaseModelFile_baseModelId_fkey" FOREIGN KEY ("baseModelId") REFERENCES "BaseModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BaseModelFile" ADD CONSTRAINT "BaseModelFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_inputSha256_fkey" FOREIGN KEY ("inputSha256") REFERENCES "Blob"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

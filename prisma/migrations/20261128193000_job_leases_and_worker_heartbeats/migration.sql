-- Reliability: jobs held under a lease their worker renews (a dead worker's job goes to another within a
-- minute), attempts counted, and workers announcing themselves so health can count them.

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "workerId" TEXT;
-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "inferenceBackend" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "WorkerHeartbeat_seenAt_idx" ON "WorkerHeartbeat"("seenAt");
-- CreateIndex
CREATE INDEX "Job_status_leaseUntil_idx" ON "Job"("status", "leaseUntil");

-- Jobs running when this was applied had no lease: give them one that has run out, so a worker takes them on.
UPDATE "Job" SET "leaseUntil" = CURRENT_TIMESTAMP WHERE "status" = 'RUNNING' AND "finishedAt" IS NULL;

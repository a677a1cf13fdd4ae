-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "parentId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isAdmin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OidcLogin" (
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "next" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcLogin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE INDEX "PasswordReset_createdById_idx" ON "PasswordReset"("createdById");

-- CreateIndex
CREATE INDEX "OidcLogin_expiresAt_idx" ON "OidcLogin"("expiresAt");

-- CreateIndex
CREATE INDEX "ApiToken_parentId_idx" ON "ApiToken"("parentId");

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An install made before the sign-up policy: its first account is its administrator.
UPDATE "User" SET "isAdmin" = true WHERE "id" = (SELECT "id" FROM "User" ORDER BY "createdAt", "id" LIMIT 1);

-- Live updates without polling: each change a subscriber may be waiting for is announced on one channel,
-- whichever process or machine made it (API, workers). The payload names what changed ("run:<id>",
-- "job:<id>", "dataset:<id>"); listeners read the row again. PostgreSQL sends a payload once per transaction
-- however many rows repeat it, so a bulk insert of images is one notification.
CREATE FUNCTION "retrain_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'Job' THEN
    PERFORM pg_notify('retrain_changes', 'job:' || r."id");
    IF r."runId" IS NOT NULL THEN PERFORM pg_notify('retrain_changes', 'run:' || r."runId"); END IF;
  ELSIF TG_TABLE_NAME = 'TrainingRun' THEN
    PERFORM pg_notify('retrain_changes', 'run:' || r."id");
  ELSIF TG_TABLE_NAME = 'EpochMetric' THEN
    PERFORM pg_notify('retrain_changes', 'run:' || r."runId");
  ELSE
    PERFORM pg_notify('retrain_changes', 'dataset:' || r."datasetId");
  END IF;
  RETURN NULL;
END $$;

-- A job's lease renewals (every few seconds while it runs) change nothing a subscriber shows: not announced.
CREATE TRIGGER "Job_changed" AFTER INSERT OR DELETE ON "Job"
  FOR EACH ROW EXECUTE FUNCTION "retrain_notify_change"();
CREATE TRIGGER "Job_progressed" AFTER UPDATE OF "status", "progressDone", "progressTotal", "result", "error", "finishedAt" ON "Job"
  FOR EACH ROW EXECUTE FUNCTION "retrain_notify_change"();
CREATE TRIGGER "TrainingRun_changed" AFTER INSERT OR UPDATE OR DELETE ON "TrainingRun"
  FOR EACH ROW EXECUTE FUNCTION "retrain_notify_change"();
CREATE TRIGGER "EpochMetric_changed" AFTER INSERT OR UPDATE OR DELETE ON "EpochMetric"
  FOR EACH ROW EXECUTE FUNCTION "retrain_notify_change"();
CREATE TRIGGER "Image_changed" AFTER INSERT OR DELETE OR UPDATE OF "labelId", "split" ON "Image"
  FOR EACH ROW EXECUTE FUNCTION "retrain_notify_change"();
CREATE TRIGGER "Label_changed" AFTER INSERT OR UPDATE OR DELETE ON "Label"
  FOR EACH ROW EXECUTE FUNCTION "retrain_notify_change"();

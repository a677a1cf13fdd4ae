-- Job kinds come from the job registry (packages/jobs): the column keeps its values as text, so adding a
-- kind needs no migration.
ALTER TABLE "Job" ALTER COLUMN "kind" TYPE TEXT USING "kind"::text;

DROP TYPE "JobKind";

-- AlterTable
ALTER TABLE "Checkpoint" ADD COLUMN     "calibration" JSONB;



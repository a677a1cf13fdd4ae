-- AlterTable
ALTER TABLE "Blob" ADD COLUMN     "inObjectStore" BOOLEAN NOT NULL DEFAULT false;

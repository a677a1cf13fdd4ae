-- AlterTable
ALTER TABLE "BaseModel" ADD COLUMN     "onnxUnsupported" TEXT;

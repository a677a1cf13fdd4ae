-- Security: invitations become one-time links, API tokens get a scope and an expiry, rate limits are shared.

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('READ', 'PREDICT', 'WRITE');

-- AlterTable: existing tokens keep doing what they did (WRITE, no expiry).
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" "TokenScope" NOT NULL DEFAULT 'WRITE';

-- AlterTable: invitations sent before links existed have no secret anyone holds: they get a random hash
-- nobody can present, so they can no longer be taken by signing up with the address (re-invite to send a link).
ALTER TABLE "Invitation" ADD COLUMN     "acceptedById" TEXT,
ADD COLUMN     "tokenHash" TEXT;
UPDATE "Invitation" SET "tokenHash" = md5(random()::text || "id") || md5(random()::text || clock_timestamp()::text);
ALTER TABLE "Invitation" ALTER COLUMN "tokenHash" SET NOT NULL;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_acceptedById_idx" ON "Invitation"("acceptedById");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

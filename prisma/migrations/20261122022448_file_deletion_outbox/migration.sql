
-- CreateEnum
CREATE TYPE "FileStore" AS ENUM ('MEDIA_LOCAL', 'MEDIA_CLOUDINARY', 'MODEL_LOCAL', 'MODEL_SUPABASE');

-- CreateTable
CREATE TABLE "FileDeletion" (
    "id" UUID NOT NULL,
    "store" "FileStore" NOT NULL,
    "key" TEXT NOT NULL,
    "mediaKind" "MediaKind",
    "restaurantId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "FileDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FileDeletion_doneAt_createdAt_idx" ON "FileDeletion"("doneAt", "createdAt");

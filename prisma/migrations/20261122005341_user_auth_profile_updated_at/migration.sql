
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "authProfileUpdatedAt" TIMESTAMPTZ(3);

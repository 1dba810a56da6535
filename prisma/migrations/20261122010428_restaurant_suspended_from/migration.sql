
-- AlterTable
ALTER TABLE "Restaurant" ADD COLUMN     "suspendedFromReason" TEXT,
ADD COLUMN     "suspendedFromState" "ReviewState";

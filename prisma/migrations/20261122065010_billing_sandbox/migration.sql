
-- CreateTable
CREATE TABLE "SandboxCheckout" (
    "id" UUID NOT NULL,
    "restaurantId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "customData" JSONB NOT NULL,
    "redirectUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMPTZ(3),

    CONSTRAINT "SandboxCheckout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxSubscription" (
    "id" SERIAL NOT NULL,
    "restaurantId" UUID NOT NULL,
    "checkoutId" UUID NOT NULL,
    "orderId" SERIAL NOT NULL,
    "customerId" SERIAL NOT NULL,
    "itemId" SERIAL NOT NULL,
    "status" TEXT NOT NULL,
    "customData" JSONB NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "cardBrand" TEXT NOT NULL,
    "cardLastFour" CHAR(4) NOT NULL,
    "renewsAt" TIMESTAMPTZ(3),
    "endsAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vendorUpdatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SandboxSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxInvoice" (
    "id" SERIAL NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "billingReason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "vendorUpdatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SandboxInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SandboxCheckout_restaurantId_createdAt_idx" ON "SandboxCheckout"("restaurantId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxSubscription_checkoutId_key" ON "SandboxSubscription"("checkoutId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxSubscription_orderId_key" ON "SandboxSubscription"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxSubscription_customerId_key" ON "SandboxSubscription"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxSubscription_itemId_key" ON "SandboxSubscription"("itemId");

-- CreateIndex
CREATE INDEX "SandboxSubscription_restaurantId_createdAt_idx" ON "SandboxSubscription"("restaurantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SandboxInvoice_subscriptionId_createdAt_idx" ON "SandboxInvoice"("subscriptionId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "SandboxCheckout" ADD CONSTRAINT "SandboxCheckout_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxSubscription" ADD CONSTRAINT "SandboxSubscription_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxSubscription" ADD CONSTRAINT "SandboxSubscription_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "SandboxCheckout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxInvoice" ADD CONSTRAINT "SandboxInvoice_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "SandboxSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

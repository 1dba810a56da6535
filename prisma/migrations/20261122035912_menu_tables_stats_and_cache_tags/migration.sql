
-- CreateEnum
CREATE TYPE "MenuEvent" AS ENUM ('MENU_VIEW', 'PRODUCT_OPEN', 'MODEL_OPEN', 'AR_LAUNCH');

-- CreateTable
CREATE TABLE "RestaurantTable" (
    "id" UUID NOT NULL,
    "restaurantId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RestaurantTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MenuDailyStat" (
    "restaurantId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "tableCode" TEXT NOT NULL DEFAULT '',
    "event" "MenuEvent" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MenuDailyStat_pkey" PRIMARY KEY ("restaurantId","day","tableCode","event")
);

-- CreateTable
CREATE TABLE "ProductDailyStat" (
    "restaurantId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "tableCode" TEXT NOT NULL DEFAULT '',
    "event" "MenuEvent" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductDailyStat_pkey" PRIMARY KEY ("productId","day","tableCode","event")
);

-- CreateTable
CREATE TABLE "CacheTagRevalidation" (
    "tag" TEXT NOT NULL,
    "revalidatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CacheTagRevalidation_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "RestaurantTable_restaurantId_position_idx" ON "RestaurantTable"("restaurantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RestaurantTable_restaurantId_code_key" ON "RestaurantTable"("restaurantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "RestaurantTable_restaurantId_label_key" ON "RestaurantTable"("restaurantId", "label");

-- CreateIndex
CREATE INDEX "ProductDailyStat_restaurantId_day_idx" ON "ProductDailyStat"("restaurantId", "day");

-- AddForeignKey
ALTER TABLE "RestaurantTable" ADD CONSTRAINT "RestaurantTable_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenuDailyStat" ADD CONSTRAINT "MenuDailyStat_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductDailyStat" ADD CONSTRAINT "ProductDailyStat_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductDailyStat" ADD CONSTRAINT "ProductDailyStat_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, a second wall behind the services' own ownership checks. Owner requests run as the role
-- foodar_app, which owns no table, so these policies apply to it; the login role that ran the migrations owns the
-- tables and is not subject to them: that is the explicit bypass path admins, jobs, webhooks and the public menu
-- take (src/server/db/db-scope.ts).

DO $$
BEGIN
  CREATE ROLE foodar_app NOLOGIN;
EXCEPTION
  -- Roles belong to the whole server: another database on it (the tests' copies, dev and e2e) made it already.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The app switches to the role with SET ROLE, which needs membership (a superuser has it anyway).
GRANT foodar_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO foodar_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO foodar_app;
REVOKE ALL ON "_prisma_migrations" FROM foodar_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO foodar_app;
-- Tables added by later migrations are reachable too; tests/integration/row-level-security.test.ts fails until a
-- new tenant table also has its policy.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO foodar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO foodar_app;

-- The owner a transaction acts for, or NULL (which matches no row) when nobody set it. Rows that hang off a product or
-- a subscription are checked row by row through their parent's primary key (EXISTS), not against a set of all the
-- owner's products: a page of 50 dishes must not cost a scan of all 500 (bench/row-level-security).
CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_user" ON "User" USING ("id" = app_user_id());
-- An owner's submission is announced to every admin, in the submission's own transaction.
CREATE POLICY "admins_are_visible" ON "User" FOR SELECT USING ("role" = 'ADMIN');

ALTER TABLE "Restaurant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "Restaurant" USING ("ownerId" = app_user_id());

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_actions" ON "AuditLog" USING ("actorId" = app_user_id());

ALTER TABLE "Category" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "Category" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "Product" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "Product" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "ProductMedia" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "ProductMedia" USING (EXISTS (
  SELECT 1 FROM "Product" parent WHERE parent."id" = "ProductMedia"."productId"
    AND parent."restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id())
));

ALTER TABLE "Model3D" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "Model3D" USING (EXISTS (
  SELECT 1 FROM "Product" parent WHERE parent."id" = "Model3D"."productId"
    AND parent."restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id())
));

ALTER TABLE "FileDeletion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "FileDeletion" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "RestaurantTable" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "RestaurantTable" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "MenuDailyStat" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "MenuDailyStat" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "ProductDailyStat" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "ProductDailyStat" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "Subscription" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "Subscription" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "Invoice" USING (EXISTS (
  SELECT 1 FROM "Subscription" parent WHERE parent."id" = "Invoice"."subscriptionId"
    AND parent."restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id())
));

ALTER TABLE "UsageReport" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "UsageReport" USING (EXISTS (
  SELECT 1 FROM "Subscription" parent WHERE parent."id" = "UsageReport"."subscriptionId"
    AND parent."restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id())
));

ALTER TABLE "WebhookEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "WebhookEvent" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "EmailMessage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "EmailMessage" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "SandboxCheckout" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "SandboxCheckout" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "SandboxSubscription" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "SandboxSubscription" USING ("restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id()));

ALTER TABLE "SandboxInvoice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_restaurants" ON "SandboxInvoice" USING (EXISTS (
  SELECT 1 FROM "SandboxSubscription" parent WHERE parent."id" = "SandboxInvoice"."subscriptionId"
    AND parent."restaurantId" IN (SELECT "id" FROM "Restaurant" WHERE "ownerId" = app_user_id())
));

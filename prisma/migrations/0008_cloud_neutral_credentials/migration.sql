-- ADR 0111: cloud-neutral credentials and tenant bindings.
--
-- A datacenter's credential becomes one JSON document in its adapter's own schema (zod, exported
-- by the adapter package), sealed with the portal's secret box. SQL cannot seal (the key lives in
-- the application), so rows written before this migration keep their Keystone columns until the
-- portal first reads them and rewrites them sealed (apps/portal-api/src/cloud/credential-store.ts);
-- the Keystone columns become nullable for that and are dropped by a later migration.
ALTER TABLE "datacenter_credential"
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'openstack' CHECK ("kind" IN ('openstack', 'vmware', 'tencent')),
    ADD COLUMN "sealed_json" TEXT CHECK ("sealed_json" LIKE 'v1.%');
ALTER TABLE "datacenter_credential"
    ALTER COLUMN "auth_path" DROP NOT NULL,
    ALTER COLUMN "username" DROP NOT NULL,
    ALTER COLUMN "password_enc" DROP NOT NULL,
    ALTER COLUMN "user_domain_name" DROP NOT NULL,
    ALTER COLUMN "project_name" DROP NOT NULL,
    ALTER COLUMN "project_domain_name" DROP NOT NULL;
-- Either sealed, or (legacy, not yet rewritten) every Keystone column present.
ALTER TABLE "datacenter_credential" ADD CONSTRAINT "datacenter_credential_sealed_or_legacy" CHECK (
    "sealed_json" IS NOT NULL
    OR ("auth_path" IS NOT NULL AND "username" IS NOT NULL AND "password_enc" IS NOT NULL
        AND "user_domain_name" IS NOT NULL AND "project_name" IS NOT NULL
        AND "project_domain_name" IS NOT NULL)
);

-- The tenant binding keeps the cloud-neutral scope id (project_external_id: what every call
-- names) and the adapter's own mapping as JSON; the Keystone domain moves into it in SQL.
ALTER TABLE "tenant_binding" ADD COLUMN "mapping" JSONB NOT NULL DEFAULT '{}'::jsonb;
UPDATE "tenant_binding" SET "mapping" = jsonb_build_object('domainExternalId', "domain_external_id");
ALTER TABLE "tenant_binding" DROP COLUMN "domain_external_id";

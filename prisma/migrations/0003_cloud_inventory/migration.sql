-- Cloud access and the inventory mirror (M1.4): the datacenter's service account, tenant
-- bindings (portal project ↔ cloud project), resources, and sync health per datacenter.

CREATE TABLE "datacenter_credential" (
    "datacenter_id" TEXT NOT NULL PRIMARY KEY REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "auth_path" TEXT NOT NULL CHECK ("auth_path" LIKE '/%'),
    "username" TEXT NOT NULL,
    "password_enc" TEXT NOT NULL CHECK ("password_enc" LIKE 'v1.%'),
    "user_domain_name" TEXT NOT NULL,
    "project_name" TEXT NOT NULL,
    "project_domain_name" TEXT NOT NULL,
    "region_name" TEXT,
    "verified_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);

CREATE TABLE "tenant_binding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datacenter_id" TEXT NOT NULL REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "project_id" TEXT NOT NULL REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "domain_external_id" TEXT NOT NULL,
    "project_external_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "tenant_binding_datacenter_id_project_id_key" ON "tenant_binding"("datacenter_id", "project_id");
CREATE UNIQUE INDEX "tenant_binding_datacenter_id_project_external_id_key" ON "tenant_binding"("datacenter_id", "project_external_id");

CREATE TABLE "resource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datacenter_id" TEXT NOT NULL REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "type" TEXT NOT NULL CHECK ("type" ~ '^[a-z][a-z0-9-]*$'),
    "external_id" TEXT NOT NULL,
    "project_id" TEXT REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    "project_external_id" TEXT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "resource_datacenter_id_type_external_id_key" ON "resource"("datacenter_id", "type", "external_id");
CREATE INDEX "resource_project_id_type_deleted_at_idx" ON "resource"("project_id", "type", "deleted_at");
CREATE INDEX "resource_datacenter_id_type_status_idx" ON "resource"("datacenter_id", "type", "status");
CREATE INDEX "resource_type_name_idx" ON "resource"("type", "name");

CREATE TABLE "datacenter_sync_state" (
    "datacenter_id" TEXT NOT NULL PRIMARY KEY REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "state" TEXT NOT NULL DEFAULT 'idle' CHECK ("state" IN ('idle', 'running', 'failed')),
    "mode" TEXT CHECK ("mode" IN ('full', 'changes')),
    "run_id" TEXT,
    "lease_until" TIMESTAMP(3),
    "last_started_at" TIMESTAMP(3),
    "last_finished_at" TIMESTAMP(3),
    "last_success_at" TIMESTAMP(3),
    "last_full_success_at" TIMESTAMP(3),
    "last_duration_ms" INTEGER,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "last_error" TEXT,
    "last_error_reason" TEXT,
    "drift_corrected" INTEGER NOT NULL DEFAULT 0,
    "cursor" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL
);

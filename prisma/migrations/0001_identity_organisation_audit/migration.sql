-- Identity, organisation, quotas and the audit log (M1.1).

CREATE TABLE "department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "department_name_key" ON "department"("name");

CREATE TABLE "project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "department_id" TEXT NOT NULL REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "project_department_id_name_key" ON "project"("department_id", "name");

CREATE TABLE "role" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "scopes" TEXT[],
    "permissions" TEXT[],
    "menus" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "role_name_key" ON "role"("name");

CREATE TABLE "app_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "department_id" TEXT REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "password_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'disabled')),
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "totp_secret_enc" TEXT,
    "totp_enabled" BOOLEAN NOT NULL DEFAULT false,
    "last_login_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");
CREATE INDEX "app_user_department_id_idx" ON "app_user"("department_id");

CREATE TABLE "role_assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "role_id" TEXT NOT NULL REFERENCES "role"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    "scope" TEXT NOT NULL CHECK ("scope" IN ('platform', 'department', 'project')),
    "department_id" TEXT REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "project_id" TEXT REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (("scope" = 'platform' AND "department_id" IS NULL AND "project_id" IS NULL)
        OR ("scope" = 'department' AND "department_id" IS NOT NULL AND "project_id" IS NULL)
        OR ("scope" = 'project' AND "department_id" IS NOT NULL AND "project_id" IS NOT NULL))
);
CREATE INDEX "role_assignment_user_id_idx" ON "role_assignment"("user_id");
CREATE INDEX "role_assignment_project_id_idx" ON "role_assignment"("project_id");
CREATE INDEX "role_assignment_department_id_idx" ON "role_assignment"("department_id");
CREATE UNIQUE INDEX "role_assignment_unique" ON "role_assignment"
    ("user_id", "role_id", "scope", COALESCE("department_id", ''), COALESCE("project_id", ''));

CREATE TABLE "quota" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL CHECK ("scope" IN ('department', 'project')),
    "department_id" TEXT NOT NULL REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "project_id" TEXT REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "resource" TEXT NOT NULL,
    "limit" INTEGER NOT NULL CHECK ("limit" >= -1),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CHECK (("scope" = 'department') = ("project_id" IS NULL))
);
CREATE INDEX "quota_department_id_idx" ON "quota"("department_id");
CREATE UNIQUE INDEX "quota_department_resource_key" ON "quota"("department_id", "resource") WHERE "project_id" IS NULL;
CREATE UNIQUE INDEX "quota_project_resource_key" ON "quota"("project_id", "resource") WHERE "project_id" IS NOT NULL;

CREATE TABLE "session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token_hash" TEXT NOT NULL,
    "csrf_hash" TEXT NOT NULL,
    "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "source_ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");
CREATE INDEX "session_user_id_idx" ON "session"("user_id");
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

CREATE TABLE "api_token" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "target_name" TEXT,
    "department_id" TEXT,
    "project_id" TEXT,
    "source_ip" TEXT,
    "result" TEXT NOT NULL CHECK ("result" IN ('success', 'failure')),
    "request_id" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_actor_name_idx" ON "audit_log"("actor_name");
CREATE INDEX "audit_log_action_idx" ON "audit_log"("action");
CREATE INDEX "audit_log_department_id_idx" ON "audit_log"("department_id");
CREATE INDEX "audit_log_project_id_idx" ON "audit_log"("project_id");

-- The audit log is append-only.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

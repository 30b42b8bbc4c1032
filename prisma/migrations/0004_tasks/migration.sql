-- Tasks: one row per user-visible cloud operation, run by the worker (M1.4).

CREATE TABLE "task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actor_id" TEXT REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    "actor_name" TEXT NOT NULL,
    "department_id" TEXT NOT NULL REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "project_id" TEXT NOT NULL REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "datacenter_id" TEXT NOT NULL REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_external_id" TEXT,
    "target_name" TEXT NOT NULL,
    "resource_id" TEXT,
    "input" JSONB NOT NULL DEFAULT '{}',
    "secret_input_enc" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued'
        CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    "steps" JSONB NOT NULL DEFAULT '[]',
    "error_reason" TEXT,
    "error_params" JSONB,
    "error_message" TEXT,
    "operation" JSONB,
    "job_id" TEXT,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "quota_instances" INTEGER NOT NULL DEFAULT 0,
    "quota_vcpus" INTEGER NOT NULL DEFAULT 0,
    "quota_ram_mb" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,
    CHECK (("status" IN ('succeeded', 'failed', 'cancelled')) = ("finished_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "task_actor_id_idempotency_key_key" ON "task"("actor_id", "idempotency_key");
CREATE INDEX "task_project_id_created_at_idx" ON "task"("project_id", "created_at");
CREATE INDEX "task_status_heartbeat_at_idx" ON "task"("status", "heartbeat_at");
CREATE INDEX "task_resource_id_idx" ON "task"("resource_id");
-- At most one unfinished task per cloud object: a second action is a CONFLICT, not a race.
CREATE UNIQUE INDEX "task_one_active_per_target" ON "task"("datacenter_id", "target_type", "target_external_id")
    WHERE "status" IN ('queued', 'running') AND "target_external_id" IS NOT NULL;
-- Quota: what unfinished creates of a project hold.
CREATE INDEX "task_unfinished_by_project" ON "task"("project_id")
    WHERE "status" IN ('queued', 'running');

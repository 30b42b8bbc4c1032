-- M2.0 one task engine (ADR 0117): quota held by a task in one shape, and held tasks.
-- Server tasks kept their quota in three columns; fold them into quota_held (per quota resource).
UPDATE "task"
SET "quota_held" = "quota_held"
    || CASE WHEN "quota_instances" > 0 THEN jsonb_build_object('instances', "quota_instances") ELSE '{}'::jsonb END
    || CASE WHEN "quota_vcpus" > 0 THEN jsonb_build_object('vcpus', "quota_vcpus") ELSE '{}'::jsonb END
    || CASE WHEN "quota_ram_mb" > 0 THEN jsonb_build_object('ram_mb', "quota_ram_mb") ELSE '{}'::jsonb END
WHERE "quota_instances" > 0 OR "quota_vcpus" > 0 OR "quota_ram_mb" > 0;

ALTER TABLE "task" DROP COLUMN "quota_instances";
ALTER TABLE "task" DROP COLUMN "quota_vcpus";
ALTER TABLE "task" DROP COLUMN "quota_ram_mb";

-- A held task (awaiting a work order's release) holds its object like a queued one.
DROP INDEX "task_one_active_per_target";
CREATE UNIQUE INDEX "task_one_active_per_target" ON "task"("datacenter_id", "target_type", "target_external_id")
    WHERE "status" IN ('held', 'queued', 'running') AND "target_external_id" IS NOT NULL;

DROP INDEX "task_unfinished_by_project";
CREATE INDEX "task_unfinished_by_project" ON "task"("project_id")
    WHERE "status" IN ('held', 'queued', 'running');

ALTER TABLE "task" DROP CONSTRAINT "task_status_check";
ALTER TABLE "task" ADD CONSTRAINT "task_status_check"
    CHECK ("status" IN ('held', 'queued', 'running', 'succeeded', 'failed', 'cancelled'));

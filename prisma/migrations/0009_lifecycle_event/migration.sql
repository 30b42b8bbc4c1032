-- M2.0 the event log (ADR 0112): one row per fact about a task or a cloud object, numbered by a
-- sequence, written in the same transaction as the task transition or mirror change that caused
-- it. SSE replays from it (Last-Event-ID); billing, statistics and work orders read it by seq.
-- No foreign keys: the log is history and outlives the rows it names.
CREATE TABLE "lifecycle_event" (
    "seq" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "department_id" TEXT,
    "project_id" TEXT,
    "datacenter_id" TEXT,
    "resource_type" TEXT,
    "resource_id" TEXT,
    "external_id" TEXT,
    "task_id" TEXT,
    "cloud_at" TIMESTAMP(3),
    "payload" JSONB NOT NULL DEFAULT '{}'
);
-- Readers by object (billing: one resource's history) and by task.
CREATE INDEX "lifecycle_event_resource_idx" ON "lifecycle_event"("resource_id", "seq");
CREATE INDEX "lifecycle_event_task_idx" ON "lifecycle_event"("task_id", "seq");
-- Pruning by age.
CREATE INDEX "lifecycle_event_at_idx" ON "lifecycle_event"("at");

-- M1.5 storage and network tasks: what an unfinished task holds against the project's quota,
-- by quota resource ({"volumes": 1, "volume_gb": 20}); servers keep their own columns.
ALTER TABLE "task" ADD COLUMN "quota_held" JSONB NOT NULL DEFAULT '{}';

-- Lists of one kind of live object per project (volumes, networks, …), by name or first seen.
CREATE INDEX "resource_live_by_project_type_name" ON "resource"("project_id", "type", "name", "id")
    WHERE "deleted_at" IS NULL;

-- M2.0 safe deletes (docs/adr/0113). Departments, projects and datacenters are soft-deleted:
-- their rows stay (deleted_at set) so the history that points at them — tasks, the inventory
-- mirror, tenant bindings — survives; lists and look-ups skip them and their names are free again.

ALTER TABLE "department" ADD COLUMN "deleted_at" TIMESTAMP(3);
ALTER TABLE "project" ADD COLUMN "deleted_at" TIMESTAMP(3);
ALTER TABLE "datacenter" ADD COLUMN "deleted_at" TIMESTAMP(3);

-- Names are unique among the live rows only: a deleted one's name can be taken again.
DROP INDEX "department_name_key";
CREATE UNIQUE INDEX "department_name_live_key" ON "department"("name") WHERE "deleted_at" IS NULL;
DROP INDEX "project_department_id_name_key";
CREATE UNIQUE INDEX "project_department_id_name_live_key" ON "project"("department_id", "name")
    WHERE "deleted_at" IS NULL;
DROP INDEX "datacenter_name_key";
CREATE UNIQUE INDEX "datacenter_name_live_key" ON "datacenter"("name") WHERE "deleted_at" IS NULL;

-- Rows that carry history never vanish with their owner: RESTRICT instead of CASCADE / SET NULL.
-- (A hard DELETE of a department, project or datacenter that has any history now fails; the
-- services soft-delete instead.)
ALTER TABLE "task" DROP CONSTRAINT "task_department_id_fkey",
    ADD CONSTRAINT "task_department_id_fkey" FOREIGN KEY ("department_id")
        REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "task" DROP CONSTRAINT "task_project_id_fkey",
    ADD CONSTRAINT "task_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "task" DROP CONSTRAINT "task_datacenter_id_fkey",
    ADD CONSTRAINT "task_datacenter_id_fkey" FOREIGN KEY ("datacenter_id")
        REFERENCES "datacenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "resource" DROP CONSTRAINT "resource_project_id_fkey",
    ADD CONSTRAINT "resource_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "resource" DROP CONSTRAINT "resource_datacenter_id_fkey",
    ADD CONSTRAINT "resource_datacenter_id_fkey" FOREIGN KEY ("datacenter_id")
        REFERENCES "datacenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tenant_binding" DROP CONSTRAINT "tenant_binding_project_id_fkey",
    ADD CONSTRAINT "tenant_binding_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tenant_binding" DROP CONSTRAINT "tenant_binding_datacenter_id_fkey",
    ADD CONSTRAINT "tenant_binding_datacenter_id_fkey" FOREIGN KEY ("datacenter_id")
        REFERENCES "datacenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What a delete counts: the live mirror of a datacenter by type, and unfinished tasks by owner.
CREATE INDEX "resource_live_by_datacenter_type" ON "resource"("datacenter_id", "type")
    WHERE "deleted_at" IS NULL;
CREATE INDEX "task_unfinished_by_department" ON "task"("department_id")
    WHERE "status" IN ('held', 'queued', 'running');
CREATE INDEX "task_unfinished_by_datacenter" ON "task"("datacenter_id")
    WHERE "status" IN ('held', 'queued', 'running');

-- A create racing a delete: the delete takes FOR UPDATE on the owner row before it counts; a
-- new task or project takes FOR KEY SHARE on its live owners here, so it either commits first
-- (and the delete, waiting for the lock, counts it and refuses) or waits for the delete and
-- then finds the owner gone (raise_exception 'yg_owner_deleted: <kind> <id> is deleted').
CREATE FUNCTION "yg_require_live_owner"(kind TEXT, owner_id TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    found_id TEXT;
BEGIN
    IF owner_id IS NULL THEN
        RETURN;
    END IF;
    IF kind = 'department' THEN
        SELECT "id" INTO found_id FROM "department"
            WHERE "id" = owner_id AND "deleted_at" IS NULL FOR KEY SHARE;
    ELSIF kind = 'project' THEN
        SELECT "id" INTO found_id FROM "project"
            WHERE "id" = owner_id AND "deleted_at" IS NULL FOR KEY SHARE;
    ELSE
        SELECT "id" INTO found_id FROM "datacenter"
            WHERE "id" = owner_id AND "deleted_at" IS NULL FOR KEY SHARE;
    END IF;
    IF found_id IS NULL THEN
        RAISE EXCEPTION 'yg_owner_deleted: % % is deleted', kind, owner_id
            USING ERRCODE = 'raise_exception';
    END IF;
END;
$$;

CREATE FUNCTION "yg_task_owners_live"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "yg_require_live_owner"('department', NEW."department_id");
    PERFORM "yg_require_live_owner"('project', NEW."project_id");
    PERFORM "yg_require_live_owner"('datacenter', NEW."datacenter_id");
    RETURN NEW;
END;
$$;
CREATE TRIGGER "task_owners_live" BEFORE INSERT ON "task"
    FOR EACH ROW EXECUTE FUNCTION "yg_task_owners_live"();

CREATE FUNCTION "yg_project_department_live"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW."department_id" IS DISTINCT FROM OLD."department_id" THEN
        PERFORM "yg_require_live_owner"('department', NEW."department_id");
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "project_department_live" BEFORE INSERT OR UPDATE OF "department_id" ON "project"
    FOR EACH ROW EXECUTE FUNCTION "yg_project_department_live"();

CREATE FUNCTION "yg_user_department_live"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW."department_id" IS DISTINCT FROM OLD."department_id" THEN
        PERFORM "yg_require_live_owner"('department', NEW."department_id");
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "app_user_department_live" BEFORE INSERT OR UPDATE OF "department_id" ON "app_user"
    FOR EACH ROW EXECUTE FUNCTION "yg_user_department_live"();

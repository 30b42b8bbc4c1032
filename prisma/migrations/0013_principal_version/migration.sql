-- M1.7 (docs/adr/0120): a per-user version of everything a principal is made of, so that API
-- processes may cache principals and still see a revoked role on the very next request.
-- Every request reads the version in the same query as its session or API token; a cached
-- principal is used only while its version is the current one. The version is bumped by
-- triggers in the same transaction as the change, so no code path can forget to invalidate.

ALTER TABLE "app_user" ADD COLUMN "auth_version" INTEGER NOT NULL DEFAULT 0;

-- The user's own fields a principal carries (name, department) and status.
CREATE FUNCTION "yg_bump_user_auth_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."username", NEW."department_id", NEW."status")
       IS DISTINCT FROM (OLD."username", OLD."department_id", OLD."status") THEN
    NEW."auth_version" := OLD."auth_version" + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "app_user_auth_version" BEFORE UPDATE ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION "yg_bump_user_auth_version"();

-- A role assignment added, changed or removed.
CREATE FUNCTION "yg_bump_assignee_auth_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "app_user" SET "auth_version" = "auth_version" + 1 WHERE "id" = OLD."user_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "app_user" SET "auth_version" = "auth_version" + 1 WHERE "id" = NEW."user_id";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "role_assignment_auth_version" AFTER INSERT OR UPDATE OR DELETE ON "role_assignment"
  FOR EACH ROW EXECUTE FUNCTION "yg_bump_assignee_auth_version"();

-- A custom role's permissions, menus or scopes changed: every holder's principal changes.
CREATE FUNCTION "yg_bump_role_holders_auth_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."permissions", NEW."menus", NEW."scopes")
       IS DISTINCT FROM (OLD."permissions", OLD."menus", OLD."scopes") THEN
    UPDATE "app_user" SET "auth_version" = "auth_version" + 1
      WHERE "id" IN (SELECT "user_id" FROM "role_assignment" WHERE "role_id" = NEW."id");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "role_auth_version" AFTER UPDATE ON "role"
  FOR EACH ROW EXECUTE FUNCTION "yg_bump_role_holders_auth_version"();

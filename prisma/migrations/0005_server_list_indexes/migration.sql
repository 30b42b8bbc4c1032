-- The server list: live servers of one project, paged in name or first-seen order.
-- Partial on live rows (what the list shows unless deleted ones are asked for), so the index
-- serves the filter, the ORDER BY … , id tie-break and the count (index-only scan).
CREATE INDEX "resource_live_servers_by_name" ON "resource"("project_id", "name", "id")
    WHERE "type" = 'server' AND "deleted_at" IS NULL;
CREATE INDEX "resource_live_servers_by_first_seen" ON "resource"("project_id", "first_seen_at", "id")
    WHERE "type" = 'server' AND "deleted_at" IS NULL;

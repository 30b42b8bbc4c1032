-- M2.1 notifications (docs/adr/0119): channels (platform-wide or one project's), admin-edited
-- templates per event type and language, and every delivery with its attempts.

-- Recipients: a user's WeCom user id (application messages) and the language of their notices.
ALTER TABLE "app_user" ADD COLUMN "wecom_user_id" TEXT;
ALTER TABLE "app_user" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'zh-CN';

-- kind: email | wecom-robot | wecom-app | webhook. settings: the kind's plain settings (JSON);
-- secret_sealed: the kind's secrets as sealed JSON (AES-256-GCM, secret-box.ts), never returned.
CREATE TABLE "notification_channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "project_id" TEXT REFERENCES "project"("id") ON DELETE RESTRICT,
    "department_id" TEXT REFERENCES "department"("id") ON DELETE RESTRICT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secret_sealed" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "rate_per_minute" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_sent_at" TIMESTAMP(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE INDEX "notification_channel_project_idx" ON "notification_channel"("project_id");

-- One row per (event type, language) an administrator changed; the rest use the built-in text.
CREATE TABLE "notification_template" (
    "event_type" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,
    PRIMARY KEY ("event_type", "locale")
);

-- status: queued | sending | sent | failed (a retry is scheduled) | dead (attempts used up).
-- department_id / project_id: whose event it is (who may read the row); both null: platform.
-- The channel's name and kind are copied: the log outlives a deleted channel.
CREATE TABLE "notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "event_type" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'info',
    "department_id" TEXT,
    "project_id" TEXT,
    "channel_id" TEXT REFERENCES "notification_channel"("id") ON DELETE SET NULL,
    "channel_name" TEXT NOT NULL,
    "channel_kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipient_label" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "last_error" TEXT,
    "dedupe_key" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE INDEX "notification_created_idx" ON "notification"("created_at");
CREATE INDEX "notification_project_idx" ON "notification"("project_id", "created_at");
CREATE INDEX "notification_channel_idx" ON "notification"("channel_id", "created_at");
-- The same event (dedupe key) reaches one recipient over one channel once.
CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification"("dedupe_key", "channel_id", "recipient")
    WHERE "dedupe_key" IS NOT NULL;

CREATE TABLE "notification_attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "notification_id" TEXT NOT NULL REFERENCES "notification"("id") ON DELETE CASCADE,
    "number" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),
    "ok" BOOLEAN,
    "error" TEXT
);
CREATE UNIQUE INDEX "notification_attempt_number_key" ON "notification_attempt"("notification_id", "number");

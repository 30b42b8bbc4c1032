-- Datacenters, their agents and one-time enrollment tokens (M1.2).

CREATE TABLE "datacenter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('openstack', 'vmware', 'tencent')),
    "description" TEXT NOT NULL DEFAULT '',
    "tunnel_port" INTEGER CHECK ("tunnel_port" BETWEEN 1 AND 65535),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX "datacenter_name_key" ON "datacenter"("name");
CREATE UNIQUE INDEX "datacenter_tunnel_port_key" ON "datacenter"("tunnel_port");

CREATE TABLE "datacenter_agent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datacenter_id" TEXT NOT NULL REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "public_key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "version" TEXT,
    "router_secret_enc" TEXT NOT NULL,
    "enrolled_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "datacenter_agent_datacenter_id_key" ON "datacenter_agent"("datacenter_id");
CREATE UNIQUE INDEX "datacenter_agent_fingerprint_key" ON "datacenter_agent"("fingerprint");

CREATE TABLE "enrollment_token" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datacenter_id" TEXT NOT NULL REFERENCES "datacenter"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "token_hash" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3)
);
CREATE UNIQUE INDEX "enrollment_token_token_hash_key" ON "enrollment_token"("token_hash");
CREATE INDEX "enrollment_token_datacenter_id_idx" ON "enrollment_token"("datacenter_id");

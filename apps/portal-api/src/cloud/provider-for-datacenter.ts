import type { CloudProvider } from '@yunguan/cloud-core';
import { notFound, precondition } from '@yunguan/domain';
import { findCloudAccessRow } from '../repositories/datacenter-credential-repository';
import type { ServiceConfig } from '../services/context';
import type { CloudDeps } from './cloud-deps';
import { openCredential } from './credential-store';
import { buildRegisteredProvider, registrationFor } from './provider-registry';
import { rememberDatacenterName } from './sub-port';

export type DatacenterProvider = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
};

type Cached = DatacenterProvider & { version: string };

/** One provider per datacenter per process (it owns the cloud session, e.g. a Keystone token). */
const caches = new WeakMap<ServiceConfig, Map<string, Cached>>();

const cacheOf = (config: ServiceConfig): Map<string, Cached> => {
  let cache = caches.get(config);
  if (!cache) {
    cache = new Map();
    caches.set(config, cache);
  }
  return cache;
};

/**
 * The CloudProvider for a datacenter, through its tunnel, with its credential, built by the
 * adapter registered for the datacenter's kind. Built once and reused while the credential and
 * the agent stay the same: every call reads one row and compares versions, so a credential
 * change (in any process) or a re-enrolled agent (new router secret) builds a fresh provider.
 */
export const providerForDatacenter = async (
  deps: CloudDeps,
  datacenterId: string,
): Promise<DatacenterProvider> => {
  const row = await findCloudAccessRow(deps.db, datacenterId);
  if (!row) throw notFound('datacenter', datacenterId);
  const registration = registrationFor(row.kind, row.name);
  const { credential, agent } = row;
  if (!credential || credential.kind !== row.kind)
    throw precondition('datacenter_credentials_missing', { datacenter: row.name });
  if (!agent || agent.revokedAt)
    throw precondition('agent_not_enrolled_yet', { datacenter: row.name });
  const version = [
    credential.updatedAt.getTime(),
    agent.enrolledAt.getTime(),
    agent.routerSecretEnc,
  ].join('|');
  const cache = cacheOf(deps.config);
  const hit = cache.get(datacenterId);
  if (hit && hit.version === version && hit.datacenter.name === row.name) return hit;
  const datacenter = { id: row.id, name: row.name };
  const provider = buildRegisteredProvider(
    registration,
    deps.config,
    { ...datacenter, routerSecret: deps.config.secretBox.open(agent.routerSecretEnc) },
    await openCredential(deps, credential),
  );
  rememberDatacenterName(provider, row.name);
  const built: Cached = { provider, datacenter, version };
  cache.set(datacenterId, built);
  return { provider, datacenter };
};

/** Drop a datacenter's provider in this process (credentials saved, datacenter deleted). */
export const forgetProvider = (config: ServiceConfig, datacenterId: string): void => {
  caches.get(config)?.delete(datacenterId);
};

import type { CallOptions, Capability, CloudProvider, Scope } from '@yunguan/cloud-core';
import type { DbClient, Database } from '../../repositories/db-client';
import {
  inResourceTransaction,
  listResourceSnapshots,
  markResourcesDeleted,
  touchResources,
  upsertResources,
  type ResourceSnapshot,
  type ResourceUpsert,
} from '../../repositories/resource-repository';
import { observationOf, type DtoOfKind } from '../resources/observation-of';
import { diffServers, type SyncCounts } from './diff-servers';
import { blockStorageOf, firewallOf, loadBalancingOf, networkOf } from '../../cloud/sub-port';

type Kind = keyof DtoOfKind;

type Lister<K extends Kind = Kind> = {
  kind: K;
  capability: Capability;
  list: (provider: CloudProvider, scope: Scope, options: CallOptions) => Promise<DtoOfKind[K][]>;
};

const lister = <K extends Kind>(l: Lister<K>): Lister => l;

/** The storage and network kinds the sync mirrors (ports are read live where shown). */
const listers: readonly Lister[] = [
  lister({
    kind: 'volume',
    capability: 'volume.manage',
    list: (p, s, o) => blockStorageOf(p).listVolumes(s, o),
  }),
  lister({
    kind: 'volume-snapshot',
    capability: 'volume.snapshot',
    list: (p, s, o) => blockStorageOf(p).listVolumeSnapshots(s, o),
  }),
  lister({
    kind: 'volume-backup',
    capability: 'volume.backup',
    list: (p, s, o) => blockStorageOf(p).listVolumeBackups(s, o),
  }),
  lister({
    kind: 'network',
    capability: 'network.manage',
    list: (p, s, o) => networkOf(p).listNetworkDetails(s, o),
  }),
  lister({
    kind: 'subnet',
    capability: 'network.manage',
    list: (p, s, o) => networkOf(p).listSubnets(s, o),
  }),
  lister({
    kind: 'router',
    capability: 'router.manage',
    list: (p, s, o) => networkOf(p).listRouters(s, o),
  }),
  lister({
    kind: 'floating-ip',
    capability: 'floating-ip',
    list: (p, s, o) => networkOf(p).listFloatingIps(s, o),
  }),
  lister({
    kind: 'security-group',
    capability: 'security-group.manage',
    list: (p, s, o) => networkOf(p).listSecurityGroupDetails(s, o),
  }),
  lister({
    kind: 'firewall-group',
    capability: 'firewall',
    list: (p, s, o) => firewallOf(p).listFirewallGroups(s, o),
  }),
  lister({
    kind: 'firewall-policy',
    capability: 'firewall',
    list: (p, s, o) => firewallOf(p).listFirewallPolicies(s, o),
  }),
  lister({
    kind: 'firewall-rule',
    capability: 'firewall',
    list: (p, s, o) => firewallOf(p).listFirewallRules(s, o),
  }),
  lister({
    kind: 'load-balancer',
    capability: 'load-balancer',
    list: (p, s, o) => loadBalancingOf(p).listLoadBalancers(s, o),
  }),
];

const add = (into: SyncCounts, more: SyncCounts) => {
  into.seen += more.seen;
  into.created += more.created;
  into.updated += more.updated;
  into.deleted += more.deleted;
};

type Spec = Record<string, unknown>;

/**
 * What the portal adds to a floating IP's spec (its port forwardings and the server it points
 * at, written by the floating-IP tasks) is not in the cloud's list: keep it from the mirror, the
 * server only while the floating IP still points at the same port.
 */
export const keepPortalExtras = (
  kind: Kind,
  mirror: readonly ResourceSnapshot[],
  observed: ResourceUpsert[],
): ResourceUpsert[] => {
  if (kind !== 'floating-ip') return observed;
  const before = new Map(mirror.map((r) => [r.externalId, (r.spec ?? {}) as Spec]));
  return observed.map((next) => {
    const old = before.get(next.externalId);
    if (!old) return next;
    const spec = next.spec as Spec;
    const samePort = old.portExternalId === spec.portExternalId;
    return {
      ...next,
      spec: {
        ...spec,
        ...('portForwardings' in old ? { portForwardings: old.portForwardings } : {}),
        ...('server' in old ? { server: samePort ? old.server : null } : {}),
      } as ResourceUpsert['spec'],
    };
  });
};

/**
 * Full sync of the storage and network kinds, project by bound project (the cloud lists them
 * per project scope). Shared and external networks another project owns are mirrored under
 * their owner (no portal project when unbound). A live row of a bound project that no list
 * returned is gone; rows of unbound owners are left to the tasks that wrote them.
 */
export const syncProjectResources = async (
  db: Database,
  provider: CloudProvider,
  datacenterId: string,
  projects: Map<string, string>,
  options: { signal: AbortSignal; timeoutMs: number; startedAt: Date },
): Promise<SyncCounts> => {
  const offered = await provider.discoverCapabilities(options);
  const active = listers.filter((l) => offered.has(l.capability));
  const counts: SyncCounts = { seen: 0, created: 0, updated: 0, deleted: 0 };
  for (const l of active) {
    const byId = new Map<string, ResourceUpsert>();
    for (const projectExternalId of projects.keys()) {
      const items = await l.list(provider, { projectExternalId }, options);
      for (const dto of items) {
        const seen = observationOf(l.kind, dto as never);
        byId.set(seen.externalId, {
          externalId: seen.externalId,
          projectId: projects.get(seen.projectExternalId) ?? null,
          projectExternalId: seen.projectExternalId || null,
          name: seen.name,
          status: seen.status,
          spec: seen.spec,
        });
      }
    }
    const bound = new Set(projects.values());
    const mirror = (await listResourceSnapshots(db, datacenterId, l.kind)).filter(
      (r) => byId.has(r.externalId) || (r.projectId !== null && bound.has(r.projectId)),
    );
    const diff = diffServers('full', mirror, keepPortalExtras(l.kind, mirror, [...byId.values()]));
    await inResourceTransaction(
      db,
      async (tx: DbClient) => {
        await upsertResources(tx, datacenterId, l.kind, diff.writes, options.startedAt);
        await touchResources(tx, datacenterId, l.kind, diff.unchanged, options.startedAt);
        diff.counts.deleted = await markResourcesDeleted(
          tx,
          datacenterId,
          l.kind,
          diff.gone,
          options.startedAt,
          options.startedAt,
        );
      },
      options.timeoutMs,
    );
    add(counts, diff.counts);
  }
  return counts;
};

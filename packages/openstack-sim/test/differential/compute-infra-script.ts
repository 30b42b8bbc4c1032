/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import type { Recorder } from './recorder';

const c = 'compute' as const;
const p = 'placement' as const;

/** Nova's admin and project-wide views: hypervisors, services, aggregates, quotas, limits, groups. */
export const computeInfraScript = async (r: Recorder) => {
  const t = r.tag;
  for (const mv of ['2.1', '2.28', '2.53', '2.88']) {
    const list = await r.call('compute.hypervisors.list', {
      svc: c,
      path: '/os-hypervisors',
      mv,
      admin: true,
    });
    await r.call('compute.hypervisors.detail', {
      svc: c,
      path: '/os-hypervisors/detail',
      mv,
      admin: true,
    });
    const h = list.body?.hypervisors?.[0] as
      { id: string | number; hypervisor_hostname: string } | undefined;
    if (h === undefined) continue;
    await r.call('compute.hypervisor.get', {
      svc: c,
      path: `/os-hypervisors/${h.id}`,
      mv,
      admin: true,
    });
    await r.call('compute.hypervisor.uptime', {
      svc: c,
      path: `/os-hypervisors/${h.id}/uptime`,
      mv,
      admin: true,
    });
    await r.call('compute.hypervisor.search', {
      svc: c,
      path: `/os-hypervisors/${h.hypervisor_hostname}/search`,
      mv,
      admin: true,
    });
    await r.call('compute.hypervisor.servers', {
      svc: c,
      path: `/os-hypervisors/${h.hypervisor_hostname}/servers`,
      mv,
      admin: true,
    });
    await r.call('compute.hypervisors.statistics', {
      svc: c,
      path: '/os-hypervisors/statistics',
      mv,
      admin: true,
    });
  }
  await r.call('compute.hypervisors.member', { svc: c, path: '/os-hypervisors' });
  for (const mv of ['2.1', '2.11', '2.53', '2.69']) {
    await r.call('compute.services.list', { svc: c, path: '/os-services', mv, admin: true });
    await r.call('compute.services.by-binary', {
      svc: c,
      path: '/os-services?binary=nova-compute',
      mv,
      admin: true,
    });
  }
  await r.call('compute.availability-zones', { svc: c, path: '/os-availability-zone' });
  await r.call('compute.availability-zones.detail', {
    svc: c,
    path: '/os-availability-zone/detail',
    admin: true,
    maps: ['availabilityZoneInfo[].hosts', 'availabilityZoneInfo[].hosts.*'],
  });
  // Aggregates.
  for (const mv of ['2.1', '2.41']) {
    const agg = await r.call('compute.aggregate.create', {
      svc: c,
      method: 'POST',
      path: '/os-aggregates',
      mv,
      admin: true,
      body: { aggregate: { name: `${t}-${mv}` } },
    });
    const aggId = agg.body?.aggregate?.id as number;
    const a = `/os-aggregates/${aggId}`;
    await r.call('compute.aggregate.get', { svc: c, path: a, mv, admin: true });
    await r.call('compute.aggregate.update', {
      svc: c,
      method: 'PUT',
      path: a,
      mv,
      admin: true,
      body: { aggregate: { availability_zone: 'nova' } },
    });
    await r.call('compute.aggregate.set-metadata', {
      svc: c,
      method: 'POST',
      path: `${a}/action`,
      mv,
      admin: true,
      body: { set_metadata: { metadata: { diff: 'yes' } } },
    });
    await r.call('compute.aggregates.list', {
      svc: c,
      path: '/os-aggregates',
      mv,
      admin: true,
      pick: (b) => ({
        aggregates: b?.aggregates?.filter((x: { name: string }) => x.name.startsWith(t)),
      }),
    });
    await r.call('compute.aggregate.delete', {
      svc: c,
      method: 'DELETE',
      path: a,
      mv,
      admin: true,
    });
  }
  // Quotas and limits.
  const q = `/os-quota-sets/${r.v('project')}`;
  for (const mv of ['2.1', '2.36', '2.57']) {
    await r.call('compute.quota.get', { svc: c, path: q, mv });
    await r.call('compute.quota.detail', { svc: c, path: `${q}/detail`, mv });
    await r.call('compute.quota.defaults', { svc: c, path: `${q}/defaults`, mv });
    await r.call('compute.quota-class.get', {
      svc: c,
      path: '/os-quota-class-sets/default',
      mv,
      admin: true,
    });
    await r.call('compute.limits', { svc: c, path: '/limits', mv });
  }
  await r.call('compute.quota.update', {
    svc: c,
    method: 'PUT',
    path: q,
    admin: true,
    body: { quota_set: { instances: 12 } },
  });
  await r.call('compute.quota.member-update', {
    svc: c,
    method: 'PUT',
    path: q,
    body: { quota_set: { instances: 13 } },
  });
  // Server groups.
  for (const mv of ['2.1', '2.15', '2.64']) {
    const body =
      mv === '2.64'
        ? { server_group: { name: `${t}-${mv}`, policy: 'anti-affinity' } }
        : { server_group: { name: `${t}-${mv}`, policies: ['anti-affinity'] } };
    const g = await r.call('compute.server-group.create', {
      svc: c,
      method: 'POST',
      path: '/os-server-groups',
      mv,
      body,
    });
    const gid = g.body?.server_group?.id as string;
    await r.call('compute.server-group.get', { svc: c, path: `/os-server-groups/${gid}`, mv });
    await r.call('compute.server-groups.list', { svc: c, path: '/os-server-groups', mv });
    await r.call('compute.server-group.delete', {
      svc: c,
      method: 'DELETE',
      path: `/os-server-groups/${gid}`,
      mv,
    });
  }
};

/** Placement: root, resource providers per microversion, inventories, usages. */
export const placementScript = async (r: Recorder) => {
  await r.call('placement.root', { svc: p, path: '/', admin: true });
  for (const mv of ['1.0', '1.14', '1.39']) {
    const list = await r.call('placement.resource-providers', {
      svc: p,
      path: '/resource_providers',
      mv,
      admin: true,
    });
    const rp = list.body?.resource_providers?.[0]?.uuid as string | undefined;
    if (rp === undefined) continue;
    const rr = `/resource_providers/${rp}`;
    await r.call('placement.resource-provider.get', { svc: p, path: rr, mv, admin: true });
    await r.call('placement.inventories', { svc: p, path: `${rr}/inventories`, mv, admin: true });
    await r.call('placement.provider-usages', { svc: p, path: `${rr}/usages`, mv, admin: true });
  }
  await r.call('placement.usages', {
    svc: p,
    path: `/usages?project_id=${r.v('project')}`,
    mv: '1.9',
    admin: true,
  });
};

/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import type { Recorder } from './recorder';
import { volumeOutcomes } from './services-script';

const v = 'volume' as const;
/** Microversions where Cinder's volume view changes (3.0 base … 3.70 Zed's maximum). */
export const volumeVersions = ['3.0', '3.13', '3.21', '3.48', '3.61', '3.63', '3.65', '3.70'];

/** Cinder v3: volumes per microversion, snapshots, types, transfers, quotas, limits, refusals. */
export const volumeScript = async (r: Recorder) => {
  const t = r.tag;
  await r.call('volume.versions', { svc: v, path: '/../..' });
  const vol = await r.call('volume.create', {
    svc: v,
    method: 'POST',
    path: '/volumes',
    body: { volume: { size: 1, name: t, description: 'diff', metadata: { a: 'b' } } },
  });
  r.vars.volume = vol.body?.volume?.id as string;
  const vv = `/volumes/${r.v('volume')}`;
  await r.until(
    'volume available',
    { svc: v, path: vv },
    (x) => x.body?.volume?.status === 'available',
  );
  for (const mv of volumeVersions) {
    await r.call('volume.get', { svc: v, path: vv, mv });
    await r.call('volume.get-as-admin', { svc: v, path: vv, mv, admin: true });
    await r.call('volume.list-detail', { svc: v, path: `/volumes/detail?name=${t}`, mv });
  }
  await r.call('volume.list', { svc: v, path: '/volumes' });
  await r.call('volume.summary', { svc: v, path: '/volumes/summary', mv: '3.12' });
  await r.call('volume.summary', { svc: v, path: '/volumes/summary', mv: '3.36' });
  await r.call('volume.update', {
    svc: v,
    method: 'PUT',
    path: vv,
    body: { volume: { description: 'diff 2' } },
  });
  await r.call('volume.changes-since-invalid', {
    svc: v,
    path: '/volumes?changes-since=nope',
    mv: '3.60',
  });
  await r.call('volume.unknown-marker', {
    svc: v,
    path: '/volumes?marker=00000000-0000-0000-0000-000000000000',
  });
  // Snapshots.
  const snap = await r.call('volume.snapshot.create', {
    svc: v,
    method: 'POST',
    path: '/snapshots',
    body: { snapshot: { volume_id: r.v('volume'), name: t, force: true } },
  });
  r.vars.snapshot = snap.body?.snapshot?.id as string;
  const sn = `/snapshots/${r.v('snapshot')}`;
  await r.until('snapshot available', { svc: v, path: sn }, (x) =>
    ['available', 'error'].includes(x.body?.snapshot?.status as string),
  );
  for (const mv of ['3.0', '3.14', '3.41', '3.65'])
    await r.call('volume.snapshot.get', { svc: v, path: sn, mv });
  await r.call('volume.snapshot.list-detail', { svc: v, path: '/snapshots/detail' });
  await r.call('volume.snapshot.bad-limit', { svc: v, path: '/snapshots?limit=abc' });
  await r.call('volume.snapshot.bad-sort', { svc: v, path: '/snapshots?sort=nope:sideways' });
  await r.call('volume.snapshot.unknown-marker', {
    svc: v,
    path: '/snapshots?marker=00000000-0000-0000-0000-000000000000',
  });
  await r.call('volume.snapshot.delete', { svc: v, method: 'DELETE', path: sn });
  // Backups (Zed here runs no cinder-backup: a documented difference).
  await r.call('volume.backup.create', {
    svc: v,
    method: 'POST',
    path: '/backups',
    body: { backup: { volume_id: r.v('volume'), name: t } },
  });
  // Cinder holds the volume in backing-up until the backup ends (here: Zed's scheduler finds no
  // backup service and restores the status); a transfer needs it available again.
  await r.until(
    'volume available after backup',
    { svc: v, path: vv },
    (x) => x.body?.volume?.status === 'available',
  );
  // Transfers.
  const tr = await r.call('volume.transfer.create', {
    svc: v,
    method: 'POST',
    path: '/os-volume-transfer',
    body: { transfer: { volume_id: r.v('volume'), name: t } },
  });
  const transferId = tr.body?.transfer?.id as string;
  await r.call('volume.transfer.list', { svc: v, path: '/os-volume-transfer' });
  await r.call('volume.transfer.list-detail', { svc: v, path: '/os-volume-transfer/detail' });
  await r.call('volume.transfer.get', { svc: v, path: `/os-volume-transfer/${transferId}` });
  await r.call('volume.transfers.list', { svc: v, path: '/volume-transfers', mv: '3.55' });
  await r.call('volume.transfer.delete', {
    svc: v,
    method: 'DELETE',
    path: `/os-volume-transfer/${transferId}`,
  });
  // Types, quotas, limits, availability zones, services, pools.
  await r.call('volume.types.default', { svc: v, path: '/types/default' });
  const type = await r.call('volume.type.create', {
    svc: v,
    method: 'POST',
    path: '/types',
    admin: true,
    body: { volume_type: { name: t, 'os-volume-type-access:is_public': true } },
  });
  const typeId = type.body?.volume_type?.id as string;
  await r.call('volume.type.get', { svc: v, path: `/types/${typeId}` });
  await r.call('volume.types.list', {
    svc: v,
    path: '/types',
    pick: (b) => ({
      volume_types: b?.volume_types?.filter((x: { id: string }) => x.id === typeId),
    }),
  });
  await r.call('volume.type.extra-specs.set', {
    svc: v,
    method: 'POST',
    path: `/types/${typeId}/extra_specs`,
    admin: true,
    body: { extra_specs: { diff: 'yes' } },
  });
  await r.call('volume.type.extra-specs.list', {
    svc: v,
    path: `/types/${typeId}/extra_specs`,
    admin: true,
  });
  await r.call('volume.type.delete', {
    svc: v,
    method: 'DELETE',
    path: `/types/${typeId}`,
    admin: true,
  });
  const q = `/os-quota-sets/${r.v('project')}`;
  await r.call('volume.quota.get', { svc: v, path: q, maps: ['quota_set'] });
  await r.call('volume.quota.usage', { svc: v, path: `${q}?usage=true`, maps: ['quota_set'] });
  await r.call('volume.quota.defaults', { svc: v, path: `${q}/defaults`, maps: ['quota_set'] });
  await r.call('volume.limits', { svc: v, path: '/limits' });
  await r.call('volume.availability-zones', { svc: v, path: '/os-availability-zone' });
  await r.call('volume.services', { svc: v, path: '/os-services', admin: true });
  await r.call('volume.services-member', { svc: v, path: '/os-services' });
  await r.call('volume.pools', {
    svc: v,
    path: '/scheduler-stats/get_pools?detail=true',
    admin: true,
  });
};

export const volumeTeardownScript = async (r: Recorder) => {
  const vv = `/volumes/${r.v('volume')}`;
  await r.until('volume free', { svc: v, path: vv }, (x) =>
    ['available', 'error', 'error_extending'].includes(x.body?.volume?.status as string),
  );
  // Extend last: Zed's fake driver leaves the volume in error_extending.
  await r.call('volume.extend', {
    svc: v,
    method: 'POST',
    path: `${vv}/action`,
    body: { 'os-extend': { new_size: 2 } },
  });
  await r.until('volume settled', { svc: v, path: vv }, (x) =>
    ['available', 'error_extending', 'error'].includes(x.body?.volume?.status as string),
  );
  r.outcomes = await volumeOutcomes(r);
  await r.call('volume.delete', { svc: v, method: 'DELETE', path: vv });
};

export const volumeCleanup = async (r: Recorder) => {
  const list = await r.raw({ svc: v, path: `/backups?name=${r.tag}` });
  for (const b of (list.body?.backups ?? []) as { id: string }[])
    await r.raw({ svc: v, method: 'DELETE', path: `/backups/${b.id}` });
  if (r.vars.volume !== undefined)
    await r.raw({ svc: v, method: 'DELETE', path: `/volumes/${r.vars.volume}`, admin: true });
};

/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import { randomBytes } from 'node:crypto';
import type { Recorder } from './recorder';

const patch21 = 'application/openstack-images-v2.1-json-patch';
const patch20 = 'application/openstack-images-v2.0-json-patch';

/** Glance v2: versions, an admin public image with data, patches, tags, members, filters. */
export const imageScript = async (r: Recorder) => {
  const t = r.tag;
  const im = 'image' as const;
  await r.call('image.versions', { svc: im, path: '/../versions' });
  await r.call('image.info-import', { svc: im, path: '/info/import' });
  const created = await r.call('image.create', {
    svc: im,
    method: 'POST',
    path: '/images',
    admin: true,
    body: {
      name: t,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'public',
      min_disk: 0,
      diff_prop: 'yes',
    },
  });
  r.vars.image = created.body?.id as string;
  const img = `/images/${r.v('image')}`;
  await r.call('image.upload', {
    svc: im,
    method: 'PUT',
    path: `${img}/file`,
    admin: true,
    raw: randomBytes(4096),
    contentType: 'application/octet-stream',
  });
  await r.until(
    'image active',
    { svc: im, path: img, admin: true },
    (x) => x.body?.status === 'active',
  );
  await r.call('image.get', { svc: im, path: img });
  await r.call('image.list-by-name', { svc: im, path: `/images?name=${t}` });
  await r.call('image.list-size-min', { svc: im, path: `/images?name=${t}&size_min=1` });
  await r.call('image.list-size-max-none', { svc: im, path: `/images?name=${t}&size_max=1` });
  await r.call('image.list-sorted', {
    svc: im,
    path: `/images?name=${t}&sort=name:asc,created_at:desc`,
  });
  await r.call('image.list-bad-sort', { svc: im, path: `/images?sort_key=nope` });
  await r.call('image.patch-v2.1', {
    svc: im,
    method: 'PATCH',
    path: img,
    admin: true,
    contentType: patch21,
    raw: JSON.stringify([{ op: 'add', path: '/diff_two', value: 'b' }]),
  });
  await r.call('image.patch-v2.0', {
    svc: im,
    method: 'PATCH',
    path: img,
    admin: true,
    contentType: patch20,
    raw: JSON.stringify([{ replace: '/diff_two', value: 'c' }]),
  });
  await r.call('image.patch-reserved-property', {
    svc: im,
    method: 'PATCH',
    path: img,
    admin: true,
    contentType: patch21,
    raw: JSON.stringify([{ op: 'add', path: '/os_glance_diff', value: 'x' }]),
  });
  await r.call('image.tag.add', { svc: im, method: 'PUT', path: `${img}/tags/diff`, admin: true });
  await r.call('image.tag.delete', {
    svc: im,
    method: 'DELETE',
    path: `${img}/tags/diff`,
    admin: true,
  });
  await r.call('image.deactivate', {
    svc: im,
    method: 'POST',
    path: `${img}/actions/deactivate`,
    admin: true,
  });
  await r.call('image.reactivate', {
    svc: im,
    method: 'POST',
    path: `${img}/actions/reactivate`,
    admin: true,
  });
  await r.call('image.download', { svc: im, path: `${img}/file` });
  // A member's own shared image, a member of it, deactivation by its owner.
  const own = await r.call('image.member-create', {
    svc: im,
    method: 'POST',
    path: '/images',
    body: {
      name: `${t}-own`,
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'shared',
    },
  });
  r.vars.ownImage = own.body?.id as string;
  const mine = `/images/${r.v('ownImage')}`;
  await r.call('image.member-upload', {
    svc: im,
    method: 'PUT',
    path: `${mine}/file`,
    raw: randomBytes(1024),
    contentType: 'application/octet-stream',
  });
  await r.until('own image active', { svc: im, path: mine }, (x) => x.body?.status === 'active');
  await r.call('image.owner-deactivate', {
    svc: im,
    method: 'POST',
    path: `${mine}/actions/deactivate`,
  });
  await r.call('image.owner-reactivate', {
    svc: im,
    method: 'POST',
    path: `${mine}/actions/reactivate`,
  });
  await r.call('image.members.add', {
    svc: im,
    method: 'POST',
    path: `${mine}/members`,
    body: { member: r.admin.projectId },
  });
  await r.call('image.members.list', { svc: im, path: `${mine}/members` });
  await r.call('image.members.get', { svc: im, path: `${mine}/members/${r.admin.projectId}` });
  await r.call('image.members.accept', {
    svc: im,
    method: 'PUT',
    path: `${mine}/members/${r.admin.projectId}`,
    admin: true,
    body: { status: 'accepted' },
  });
  await r.call('image.members.delete', {
    svc: im,
    method: 'DELETE',
    path: `${mine}/members/${r.admin.projectId}`,
  });
  await r.call('image.delete-own', { svc: im, method: 'DELETE', path: mine });
  await r.call('image.get-deleted', { svc: im, path: mine });
  await r.call('image.metadefs.namespaces', { svc: im, path: '/metadefs/namespaces' });
};

export const imageCleanup = async (r: Recorder) => {
  if (r.vars.image !== undefined)
    await r.raw({ svc: 'image', method: 'DELETE', path: `/images/${r.vars.image}`, admin: true });
};

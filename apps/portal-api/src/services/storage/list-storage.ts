import type { ResourceListQuery } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { listProjectResources } from '../resources/list-project-resources';
import { toVolumeBackups, toVolumeSnapshots, toVolumes } from './storage-items';

/** The project's volumes from the mirror (filter, search, sort, pages). */
export const listVolumes = async (
  ctx: ServiceContext,
  projectId: string,
  query: ResourceListQuery,
) => {
  const page = await listProjectResources(ctx, projectId, 'volume', query);
  return { ...page, items: await toVolumes(ctx, page.items) };
};

export const listVolumeSnapshots = async (
  ctx: ServiceContext,
  projectId: string,
  query: ResourceListQuery,
) => {
  const page = await listProjectResources(ctx, projectId, 'volume-snapshot', query);
  return { ...page, items: await toVolumeSnapshots(ctx, page.items) };
};

export const listVolumeBackups = async (
  ctx: ServiceContext,
  projectId: string,
  query: ResourceListQuery,
) => {
  const page = await listProjectResources(ctx, projectId, 'volume-backup', query);
  return { ...page, items: await toVolumeBackups(ctx, page.items) };
};

import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getVolumeResult, volumeSchema, type Volume } from './results';
import { volumeActionUrl, volumesDetailUrl, volumesUrl, volumeUrl } from './urls';

/**
 * Base Cinder v3: every field we read exists there and nothing we send needs more. (A list
 * filtered by `updated_at=gte:…` would need 3.60; the port has no such query yet.)
 */
export const volumesMicroversion = '3.0';

export type ListVolumesQuery = { allTenants?: boolean };

export const listVolumes = (
  volume: ServiceClient,
  call: Call,
  query: ListVolumesQuery = {},
): Promise<Volume[]> =>
  listAll(volume, call, {
    path: volumesDetailUrl(),
    key: 'volumes',
    item: volumeSchema,
    microversion: volumesMicroversion,
    pageSize: 500,
    query: { all_tenants: query.allTenants ? 1 : undefined },
  });

export const getVolume = async (volume: ServiceClient, call: Call, id: string): Promise<Volume> =>
  (
    await volume.requestJson(
      call,
      { method: 'GET', path: volumeUrl(id), expected: [200], microversion: volumesMicroversion },
      getVolumeResult,
    )
  ).volume;

export type CreateVolumeOpts = {
  name: string;
  description?: string;
  size: number;
  volume_type?: string;
  availability_zone?: string;
  imageRef?: string;
  snapshot_id?: string;
  source_volid?: string;
  metadata?: Record<string, string>;
};

export const createVolume = async (
  volume: ServiceClient,
  call: Call,
  opts: CreateVolumeOpts,
): Promise<Volume> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'POST',
        path: volumesUrl(),
        body: { volume: opts },
        expected: [202],
        microversion: volumesMicroversion,
      },
      getVolumeResult,
    )
  ).volume;

export const deleteVolume = async (volume: ServiceClient, call: Call, id: string) => {
  await volume.request(call, {
    method: 'DELETE',
    path: volumeUrl(id),
    expected: [202],
    microversion: volumesMicroversion,
  });
};

/** The Cinder volume actions we use (POST /volumes/{id}/action). */
export type VolumeActionBody = { 'os-extend': { new_size: number } };

export const volumeAction = async (
  volume: ServiceClient,
  call: Call,
  id: string,
  body: VolumeActionBody,
) => {
  await volume.request(call, {
    method: 'POST',
    path: volumeActionUrl(id),
    body,
    expected: [202],
    microversion: volumesMicroversion,
  });
};

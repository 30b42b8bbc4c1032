import { z } from 'zod';
import type { Call, ServiceClient } from '../../../../service-client';
import {
  extraSpecsResult,
  getVolumeTypeResult,
  volumeTypeSchema,
  type VolumeType,
} from './results';
import { extraSpecsUrl, extraSpecUrl, typesUrl, typeUrl } from './urls';

export const typesMicroversion = '3.0';

/** Cinder's type list is not paged; `is_public=None` lists private types too (admin). */
export const listVolumeTypes = async (volume: ServiceClient, call: Call): Promise<VolumeType[]> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'GET',
        path: typesUrl(),
        query: { is_public: 'None' },
        expected: [200],
        microversion: typesMicroversion,
      },
      z.looseObject({ volume_types: z.array(volumeTypeSchema) }),
    )
  ).volume_types;

export const getVolumeType = async (
  volume: ServiceClient,
  call: Call,
  id: string,
): Promise<VolumeType> =>
  (
    await volume.requestJson(
      call,
      { method: 'GET', path: typeUrl(id), expected: [200], microversion: typesMicroversion },
      getVolumeTypeResult,
    )
  ).volume_type;

export type CreateVolumeTypeOpts = {
  name: string;
  description?: string;
  'os-volume-type-access:is_public': boolean;
  extra_specs: Record<string, string>;
};

export const createVolumeType = async (
  volume: ServiceClient,
  call: Call,
  opts: CreateVolumeTypeOpts,
): Promise<VolumeType> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'POST',
        path: typesUrl(),
        body: { volume_type: opts },
        expected: [200],
        microversion: typesMicroversion,
      },
      getVolumeTypeResult,
    )
  ).volume_type;

export const deleteVolumeType = async (volume: ServiceClient, call: Call, id: string) => {
  await volume.request(call, {
    method: 'DELETE',
    path: typeUrl(id),
    expected: [202],
    microversion: typesMicroversion,
  });
};

/** Creates or overwrites the given keys; others stay. */
export const setExtraSpecs = async (
  volume: ServiceClient,
  call: Call,
  id: string,
  specs: Record<string, string>,
): Promise<Record<string, string>> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'POST',
        path: extraSpecsUrl(id),
        body: { extra_specs: specs },
        expected: [200],
        microversion: typesMicroversion,
      },
      extraSpecsResult,
    )
  ).extra_specs;

/** Cinder answers 404 for a key the type does not have. */
export const unsetExtraSpec = async (
  volume: ServiceClient,
  call: Call,
  id: string,
  key: string,
) => {
  await volume.request(call, {
    method: 'DELETE',
    path: extraSpecUrl(id, key),
    expected: [202],
    microversion: typesMicroversion,
  });
};

import { z } from 'zod';
import { emptyResponse, idSchema } from '../common';
import { defineContract } from '../define-contract';
import {
  createVolumeTypeInput,
  storagePoolSchema,
  updateVolumeTypeInput,
  volumeTypeParams,
  volumeTypeSchema,
} from './volume-type.schema';

const params = z.object({ id: idSchema });
const base = '/api/v1/datacenters/:id';
const shared = { tag: 'storage', auth: 'user' } as const;
const readErrors = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UPSTREAM_UNAVAILABLE',
  'PRECONDITION_FAILED',
] as const;
const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const listVolumeTypes = defineContract({
  ...shared,
  id: 'volume-type.list',
  method: 'GET',
  path: `${base}/volume-types`,
  summary:
    'Volume types of the datacenter: all of them for compute.admin; the public ones for anyone ' +
    'who can read resources somewhere (to pick one when creating a volume)',
  params,
  status: 200,
  response: itemsOf(volumeTypeSchema),
  errors: readErrors,
});

export const createVolumeType = defineContract({
  ...shared,
  id: 'volume-type.create',
  method: 'POST',
  path: `${base}/volume-types`,
  summary:
    'Create a volume type with extra specs, e.g. { volume_backend_name: "gold" } (compute.admin; ' +
    'synchronous, audited, no task)',
  params,
  body: createVolumeTypeInput,
  status: 201,
  response: volumeTypeSchema,
  errors: [...readErrors, 'VALIDATION', 'CONFLICT'],
});

export const updateVolumeType = defineContract({
  ...shared,
  id: 'volume-type.update',
  method: 'PATCH',
  path: `${base}/volume-types/:typeId`,
  summary:
    "Set a volume type's extra specs; a null value removes the key (compute.admin; synchronous, audited)",
  params: volumeTypeParams,
  body: updateVolumeTypeInput,
  status: 200,
  response: volumeTypeSchema,
  errors: [...readErrors, 'VALIDATION', 'CONFLICT'],
});

export const deleteVolumeType = defineContract({
  ...shared,
  id: 'volume-type.delete',
  method: 'DELETE',
  path: `${base}/volume-types/:typeId`,
  summary:
    'Delete a volume type; the cloud refuses while volumes use it (compute.admin; synchronous, audited)',
  params: volumeTypeParams,
  status: 204,
  response: emptyResponse,
  errors: [...readErrors, 'CONFLICT'],
});

export const listStoragePools = defineContract({
  ...shared,
  id: 'storage-pool.list',
  method: 'GET',
  path: `${base}/storage-pools`,
  summary: 'Storage backend pools with total / free / allocated capacity (compute.admin)',
  params,
  status: 200,
  response: itemsOf(storagePoolSchema),
  errors: readErrors,
});

export const volumeTypeContracts = [
  listVolumeTypes,
  createVolumeType,
  updateVolumeType,
  deleteVolumeType,
  listStoragePools,
];

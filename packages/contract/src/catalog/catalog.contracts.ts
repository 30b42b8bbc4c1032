import { z } from 'zod';
import { emptyResponse, idSchema } from '../common';
import { defineContract } from '../define-contract';
import {
  aggregateSchema,
  availabilityZoneSchema,
  createKeyPairInput,
  flavorSchema,
  hypervisorSchema,
  imageSchema,
  itemsOf,
  keyPairName,
  keyPairSchema,
  networkSchema,
  projectQuery,
  securityGroupSchema,
  serverGroupSchema,
  usableDatacenterSchema,
} from './catalog.schema';

const params = z.object({ id: idSchema });
const base = '/api/v1/datacenters/:id';
const shared = { tag: 'catalog', auth: 'user', params } as const;
const readErrors = [
  'NOT_FOUND',
  'VALIDATION',
  'UPSTREAM_UNAVAILABLE',
  'PRECONDITION_FAILED',
] as const;

export const listFlavors = defineContract({
  ...shared,
  id: 'catalog.flavors',
  method: 'GET',
  path: `${base}/flavors`,
  summary: "The datacenter's flavors (cached for 30 s)",
  status: 200,
  response: itemsOf(flavorSchema),
  errors: readErrors,
});

export const listAvailabilityZones = defineContract({
  ...shared,
  id: 'catalog.availability-zones',
  method: 'GET',
  path: `${base}/availability-zones`,
  summary: "The datacenter's compute availability zones (cached for 30 s)",
  status: 200,
  response: itemsOf(availabilityZoneSchema),
  errors: readErrors,
});

export const listImages = defineContract({
  ...shared,
  id: 'catalog.images',
  method: 'GET',
  path: `${base}/images`,
  summary: 'Images the project can boot from (public, its own, shared with it)',
  query: projectQuery,
  status: 200,
  response: itemsOf(imageSchema),
  errors: readErrors,
});

export const listNetworks = defineContract({
  ...shared,
  id: 'catalog.networks',
  method: 'GET',
  path: `${base}/networks`,
  summary: 'Networks the project can attach servers to (its own, shared, external)',
  query: projectQuery,
  status: 200,
  response: itemsOf(networkSchema),
  errors: readErrors,
});

export const listSecurityGroups = defineContract({
  ...shared,
  id: 'catalog.security-groups',
  method: 'GET',
  path: `${base}/security-groups`,
  summary: "The project's security groups",
  query: projectQuery,
  status: 200,
  response: itemsOf(securityGroupSchema),
  errors: readErrors,
});

export const listServerGroups = defineContract({
  ...shared,
  id: 'catalog.server-groups',
  method: 'GET',
  path: `${base}/server-groups`,
  summary: "The project's server groups (affinity policies)",
  query: projectQuery,
  status: 200,
  response: itemsOf(serverGroupSchema),
  errors: readErrors,
});

export const listKeyPairs = defineContract({
  ...shared,
  id: 'catalog.key-pairs',
  method: 'GET',
  path: `${base}/key-pairs`,
  summary: "The project's SSH key pairs",
  query: projectQuery,
  status: 200,
  response: itemsOf(keyPairSchema),
  errors: readErrors,
});

export const createKeyPair = defineContract({
  ...shared,
  id: 'catalog.create-key-pair',
  method: 'POST',
  path: `${base}/key-pairs`,
  summary:
    'Import a public key, or let the cloud generate a pair: the private key is in this answer only',
  body: createKeyPairInput,
  status: 201,
  response: keyPairSchema,
  errors: [...readErrors, 'FORBIDDEN', 'CONFLICT'],
});

export const deleteKeyPair = defineContract({
  tag: 'catalog',
  auth: 'user',
  id: 'catalog.delete-key-pair',
  method: 'DELETE',
  path: `${base}/key-pairs/:name`,
  summary: 'Delete a key pair of the project (servers already using it keep their key)',
  params: z.object({ id: idSchema, name: keyPairName }),
  query: projectQuery,
  status: 204,
  response: emptyResponse,
  errors: [...readErrors, 'FORBIDDEN'],
});

export const listHypervisors = defineContract({
  ...shared,
  id: 'catalog.hypervisors',
  method: 'GET',
  path: `${base}/hypervisors`,
  summary: 'Compute hosts with capacity and usage (compute.admin)',
  status: 200,
  response: itemsOf(hypervisorSchema),
  errors: [...readErrors, 'FORBIDDEN'],
});

export const listAggregates = defineContract({
  ...shared,
  id: 'catalog.aggregates',
  method: 'GET',
  path: `${base}/aggregates`,
  summary: 'Host aggregates and their availability zones (compute.admin)',
  status: 200,
  response: itemsOf(aggregateSchema),
  errors: [...readErrors, 'FORBIDDEN'],
});

export const listUsableDatacenters = defineContract({
  tag: 'catalog',
  auth: 'user',
  id: 'catalog.datacenters',
  method: 'GET',
  path: '/api/v1/catalog/datacenters',
  summary:
    'Datacenters anyone with resource.read can create in (service account set), with tunnel state',
  status: 200,
  response: itemsOf(usableDatacenterSchema),
  errors: ['FORBIDDEN'],
});

export const catalogContracts = [
  listUsableDatacenters,
  listFlavors,
  listAvailabilityZones,
  listImages,
  listNetworks,
  listSecurityGroups,
  listServerGroups,
  listKeyPairs,
  createKeyPair,
  deleteKeyPair,
  listHypervisors,
  listAggregates,
] as const;

import { z } from 'zod';
import { idSchema, timestamp } from '../common';

/**
 * What the portal shows of a datacenter's catalog. These mirror the CloudProvider DTOs
 * (packages/cloud-core dto.ts) field by field; ids are the cloud's (`externalId`).
 */
export const flavorSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  vcpus: z.number().int(),
  ramMb: z.number().int(),
  diskGb: z.number().int(),
  ephemeralGb: z.number().int(),
  swapMb: z.number().int(),
  isPublic: z.boolean(),
  extraSpecs: z.record(z.string(), z.string()),
});
export type Flavor = z.infer<typeof flavorSchema>;

export const availabilityZoneSchema = z.object({ name: z.string(), available: z.boolean() });

export const imageSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  status: z.string(),
  diskFormat: z.string().nullable(),
  containerFormat: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  visibility: z.enum(['public', 'private', 'shared', 'community']),
  protected: z.boolean(),
  minDiskGb: z.number(),
  minRamMb: z.number(),
  ownerExternalId: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const networkSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  status: z.string(),
  projectExternalId: z.string(),
  external: z.boolean(),
  shared: z.boolean(),
  adminStateUp: z.boolean(),
  mtu: z.number().int().nullable(),
  providerType: z.string().nullable(),
  subnetExternalIds: z.array(z.string()),
  createdAt: timestamp.nullable(),
  updatedAt: timestamp.nullable(),
});

export const securityGroupSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  description: z.string(),
  projectExternalId: z.string(),
});

export const keyPairSchema = z.object({
  name: z.string(),
  fingerprint: z.string(),
  type: z.string(),
  publicKey: z.string(),
  /** Only in the answer to a create without publicKey: shown once, never stored. */
  privateKey: z.string().optional(),
});

export const serverGroupSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  policy: z.enum(['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity']),
  memberExternalIds: z.array(z.string()),
});

export const hypervisorSchema = z.object({
  externalId: z.string(),
  hostname: z.string(),
  state: z.enum(['up', 'down']),
  status: z.enum(['enabled', 'disabled']),
  vcpus: z.number(),
  vcpusUsed: z.number(),
  memoryMb: z.number(),
  memoryMbUsed: z.number(),
  localGb: z.number(),
  localGbUsed: z.number(),
  runningVms: z.number().int(),
});

export const aggregateSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  availabilityZone: z.string().nullable(),
  hosts: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
});

/**
 * A datacenter users can create resources in (credentials set), with its live tunnel state and
 * its capabilities (the UI shows an action only where the datacenter can do it).
 */
export const usableDatacenterSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  kind: z.enum(['openstack', 'vmware', 'tencent']),
  tunnel: z.enum(['online', 'degraded', 'offline']),
  /** What the datacenter's cloud can do (e.g. `server.console`, `server.live-migrate`). */
  capabilities: z.array(z.string()),
});

/** Catalog lists are short and unpaged: `{ items }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Project-scoped reads name the portal project whose cloud view is wanted. */
export const projectQuery = z.object({ projectId: idSchema });

export const keyPairName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-][A-Za-z0-9_. -]*$/, {
    message: 'letters, digits, dot, dash, underscore and spaces',
  });

export const createKeyPairInput = z.object({
  projectId: idSchema,
  name: keyPairName,
  /** An OpenSSH public key to import; without it the cloud generates a pair. */
  publicKey: z
    .string()
    .trim()
    .max(16_384)
    .regex(/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?$/, {
      message: 'an OpenSSH public key (ssh-ed25519 AAAA… comment)',
    })
    .optional(),
});

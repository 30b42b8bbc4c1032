import { z } from 'zod';
import { timestamp } from '../common';

const field = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^\p{Cc}]*$/u, { message: 'must not contain control characters' });

/** PUT /api/v1/datacenters/:id/credentials — the cloud service account the portal uses. */
export const datacenterCredentialsInput = z.object({
  /** Keystone v3 path on the agent's router. */
  authPath: z
    .string()
    .trim()
    .max(255)
    .regex(/^\/[A-Za-z0-9._~/-]*$/, { message: 'a path starting with /, e.g. /identity/v3' })
    .default('/identity/v3'),
  username: field,
  password: z.string().min(1).max(1024),
  userDomainName: field,
  projectName: field,
  projectDomainName: field,
  regionName: field.optional(),
});
export type DatacenterCredentialsInput = z.output<typeof datacenterCredentialsInput>;

/** The stored settings, never the password. */
export const datacenterCredentialsSchema = z.object({
  configured: z.boolean(),
  authPath: z.string().nullable(),
  username: z.string().nullable(),
  userDomainName: z.string().nullable(),
  projectName: z.string().nullable(),
  projectDomainName: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Last time the portal obtained a token with these settings. */
  verifiedAt: timestamp.nullable(),
  updatedAt: timestamp.nullable(),
});
export type DatacenterCredentials = z.infer<typeof datacenterCredentialsSchema>;

/**
 * How the save went: `verified` (a token was issued through the tunnel) or `unverified` (the
 * datacenter could not be reached; saved anyway and checked by the next sync). Credentials the
 * cloud rejects are not saved (400).
 */
export const credentialsVerificationSchema = z.object({
  state: z.enum(['verified', 'unverified']),
  message: z.string().nullable(),
});

export const syncCountsSchema = z.object({
  seen: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
});

/** Inventory sync health of one datacenter. */
export const syncStateSchema = z.object({
  datacenterId: z.string(),
  state: z.enum(['idle', 'running', 'failed']),
  /** The running or last run: full (every server) or changes (changes-since). */
  mode: z.enum(['full', 'changes']).nullable(),
  runId: z.string().nullable(),
  lastStartedAt: timestamp.nullable(),
  lastFinishedAt: timestamp.nullable(),
  lastSuccessAt: timestamp.nullable(),
  lastFullSuccessAt: timestamp.nullable(),
  lastDurationMs: z.number().int().nullable(),
  counts: syncCountsSchema,
  /** Mirror rows the last successful run had to correct (changed, resurrected, deleted). */
  driftCorrected: z.number().int(),
  /** What went wrong in the last run, in words an operator can act on; null after a success. */
  lastError: z.string().nullable(),
  lastErrorReason: z.string().nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const requestSyncInput = z.strictObject({
  mode: z.enum(['full', 'changes']).default('full'),
});

export const requestSyncResponse = z.object({
  /** true: a run was already running or queued for this datacenter and is the one answered. */
  alreadyRunning: z.boolean(),
  runId: z.string(),
  mode: z.enum(['full', 'changes']),
  sync: syncStateSchema,
});

import { z } from 'zod';
import { descriptionSchema, nameSchema, timestamp } from '../common';
import { tunnelStateSchema } from '../agent/tunnel-registry.schema';

export const datacenterKindSchema = z.enum(['openstack', 'vmware', 'tencent']);

export const tunnelStatusSchema = z.object({
  state: tunnelStateSchema,
  latencyMs: z.number().nullable(),
  gateway: z.string().nullable(),
  since: timestamp.nullable(),
  checkedAt: timestamp.nullable(),
  reason: z.string().nullable(),
});
export type TunnelStatus = z.infer<typeof tunnelStatusSchema>;

export const agentSummarySchema = z.object({
  fingerprint: z.string(),
  version: z.string().nullable(),
  enrolledAt: timestamp,
  lastSeenAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const datacenterSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  kind: datacenterKindSchema,
  description: z.string(),
  /** Port allocated on the gateways for this datacenter's tunnel (null before enrollment). */
  tunnelPort: z.number().int().nullable(),
  agent: agentSummarySchema.nullable(),
  /** An unused enrollment token exists and expires at this time. */
  pendingEnrollmentExpiresAt: timestamp.nullable(),
  tunnel: tunnelStatusSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Datacenter = z.infer<typeof datacenterSchema>;

export const enrollmentSchema = z.object({
  /** One-time token: shown once, single use, expires in 24 h. */
  token: z.string(),
  expiresAt: timestamp,
  /** One line for the datacenter's operator. */
  command: z.string(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

const regionSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, { message: 'letters, digits, dot, dash, underscore' });

export const datacenterInput = z.object({
  name: nameSchema,
  region: regionSchema,
  kind: datacenterKindSchema,
  description: descriptionSchema.default(''),
});
export const datacenterUpdate = z
  .object({ name: nameSchema, region: regionSchema, description: descriptionSchema })
  .partial();

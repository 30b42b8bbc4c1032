import { z } from 'zod';
import { idSchema } from '../common';

export const baremetalNodeSchema = z.object({
  externalId: z.string(),
  name: z.string().nullable(),
  powerState: z.string().nullable(),
  targetPowerState: z.string().nullable(),
  provisionState: z.string(),
  targetProvisionState: z.string().nullable(),
  maintenance: z.boolean(),
  instanceExternalId: z.string().nullable(),
  resourceClass: z.string().nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type BaremetalNode = z.infer<typeof baremetalNodeSchema>;

export const baremetalActions = [
  'power-on',
  'power-off',
  'reboot',
  'manage',
  'provide',
  'deploy',
  'undeploy',
  'clean',
  'inspect',
] as const;
export type BaremetalAction = (typeof baremetalActions)[number];

export const baremetalNodeParams = z.object({ id: idSchema, nodeId: idSchema });
export const baremetalActionInput = z.object({ action: z.enum(baremetalActions) }).strict();

import type { BodyOf } from '@yunguan/contract';
import type { createServer } from '@yunguan/contract';

/** Everything the create wizard collects, across its steps. */
export type WizardValues = {
  datacenterId: string;
  availabilityZone?: string;
  name: string;
  count: number;
  flavorId: string;
  bootSource: 'image' | 'volume';
  imageId: string;
  bootVolumeGb?: number;
  networkIds: string[];
  securityGroups?: string[];
  keyName?: string;
  userData?: string;
  serverGroupId?: string;
};

export const wizardSteps = ['basics', 'flavor', 'image', 'network', 'access', 'summary'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** The fields each step validates before moving on. */
export const stepFields: Record<WizardStep, (keyof WizardValues)[]> = {
  basics: ['datacenterId', 'availabilityZone', 'name', 'count'],
  flavor: ['flavorId'],
  image: ['bootSource', 'imageId', 'bootVolumeGb'],
  network: ['networkIds', 'securityGroups'],
  access: ['keyName', 'userData', 'serverGroupId'],
  summary: [],
};

export const initialValues: Partial<WizardValues> = {
  count: 1,
  bootSource: 'image',
  bootVolumeGb: 20,
  networkIds: [],
  securityGroups: [],
};

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The API body (POST /api/v1/projects/:projectId/servers) from the wizard's values. */
export const toCreateBody = (
  v: WizardValues,
  idempotencyKey: string,
): BodyOf<typeof createServer> => ({
  datacenterId: v.datacenterId,
  name: v.name.trim(),
  count: v.count,
  flavorId: v.flavorId,
  imageId: v.imageId,
  networkIds: v.networkIds,
  ...(v.securityGroups?.length ? { securityGroups: v.securityGroups } : {}),
  ...(optional(v.keyName) ? { keyName: optional(v.keyName) } : {}),
  ...(optional(v.userData) ? { userData: v.userData } : {}),
  ...(optional(v.availabilityZone) ? { availabilityZone: optional(v.availabilityZone) } : {}),
  ...(optional(v.serverGroupId) ? { serverGroupId: optional(v.serverGroupId) } : {}),
  ...(v.bootSource === 'volume' && v.bootVolumeGb ? { bootVolumeGb: v.bootVolumeGb } : {}),
  idempotencyKey,
});

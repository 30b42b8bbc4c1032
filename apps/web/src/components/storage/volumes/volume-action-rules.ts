import type { Volume } from '@yunguan/contract';
import { volumeActionsAllowed } from '@yunguan/contract';

/** What the volume menu offers, in display order. */
export const volumeMenuActions = [
  'extend',
  'attach',
  'detach',
  'snapshot',
  'backup',
  'delete',
] as const;
export type VolumeMenuAction = (typeof volumeMenuActions)[number];

/** The datacenter capability each action needs. */
export const capabilityOf: Record<VolumeMenuAction, string> = {
  extend: 'volume.manage',
  attach: 'volume.manage',
  detach: 'volume.manage',
  delete: 'volume.manage',
  snapshot: 'volume.snapshot',
  backup: 'volume.backup',
};

export type VolumeGate = Pick<Volume, 'status' | 'activeTask' | 'datacenterId'> & {
  spec: Pick<Volume['spec'], 'attachments'>;
};

/** Pure rule: the status allows it (the contract's table), nothing else runs on the volume,
 * a delete has no attachment left, and the datacenter can do it (when its capabilities are
 * known). The API is the real guard; this only decides what is offered. */
export const volumeActionsFor = (
  volume: VolumeGate,
  capabilities: readonly string[] | undefined,
): Set<VolumeMenuAction> => {
  const allowed = new Set<string>(volumeActionsAllowed(volume.status));
  const available = new Set<VolumeMenuAction>();
  if (volume.activeTask) return available;
  for (const action of volumeMenuActions) {
    if (!allowed.has(action)) continue;
    if (action === 'delete' && volume.spec.attachments.length > 0) continue;
    if (capabilities && !capabilities.includes(capabilityOf[action])) continue;
    available.add(action);
  }
  return available;
};

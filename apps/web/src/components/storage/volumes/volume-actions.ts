'use client';

import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { useCan } from '@/lib/me-context';
import type { VolumeGate, VolumeMenuAction } from './volume-action-rules';
import { capabilityOf, volumeActionsFor } from './volume-action-rules';

export type { VolumeMenuAction } from './volume-action-rules';
export { volumeMenuActions } from './volume-action-rules';

/** The actions this user may start on this volume now (also needs `resource.use`). */
export const useVolumeActions = (volume: VolumeGate | undefined): Set<VolumeMenuAction> => {
  const capabilities = useDatacenterCapabilities(volume?.datacenterId);
  const canUse = useCan('resource.use');
  if (!volume || !canUse) return new Set();
  return volumeActionsFor(volume, capabilities);
};

/** Whether the datacenter can do an action at all (menu entries are hidden, not greyed). */
export const useDatacenterOffers = (datacenterId: string | undefined) => {
  const capabilities = useDatacenterCapabilities(datacenterId);
  return (action: VolumeMenuAction): boolean =>
    !capabilities || capabilities.includes(capabilityOf[action]);
};

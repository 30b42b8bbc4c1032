'use client';

import { useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';

/** Whether the chosen datacenter offers `capability` (true while unknown: the API decides). */
export const useCapability = (capability: string) => {
  const choice = useDatacenterChoice();
  const capabilities = useDatacenterCapabilities(choice.datacenterId);
  const datacenter = choice.datacenters.find((d) => d.id === choice.datacenterId)?.name;
  return { offered: !capabilities || capabilities.includes(capability), datacenter };
};

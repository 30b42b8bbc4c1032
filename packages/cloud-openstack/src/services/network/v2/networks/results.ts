import { z } from 'zod';

export const networkSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  status: z.string(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  admin_state_up: z.boolean(),
  shared: z.boolean(),
  'router:external': z.boolean().nullish(),
  mtu: z.number().nullish(),
  'provider:network_type': z.string().nullish(),
  'provider:physical_network': z.string().nullish(),
  'provider:segmentation_id': z.number().nullish(),
  subnets: z.array(z.string()).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type Network = z.infer<typeof networkSchema>;

export const getNetworkResult = z.looseObject({ network: networkSchema });

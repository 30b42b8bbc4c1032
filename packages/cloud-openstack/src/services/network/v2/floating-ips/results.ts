import { z } from 'zod';

export const floatingIpSchema = z.looseObject({
  id: z.string(),
  floating_ip_address: z.string(),
  floating_network_id: z.string(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  status: z.string(),
  port_id: z.string().nullish(),
  fixed_ip_address: z.string().nullish(),
  router_id: z.string().nullish(),
  description: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type FloatingIp = z.infer<typeof floatingIpSchema>;

export const getFloatingIpResult = z.looseObject({ floatingip: floatingIpSchema });

import { z } from 'zod';

export const fixedIpSchema = z.looseObject({ subnet_id: z.string(), ip_address: z.string() });

export const portSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  network_id: z.string(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  mac_address: z.string(),
  fixed_ips: z.array(fixedIpSchema).nullish(),
  device_id: z.string().nullish(),
  device_owner: z.string().nullish(),
  status: z.string(),
  admin_state_up: z.boolean(),
  security_groups: z.array(z.string()).nullish(),
  created_at: z.string().nullish(),
});
export type Port = z.infer<typeof portSchema>;

export const getPortResult = z.looseObject({ port: portSchema });

import { z } from 'zod';

export const subnetSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  network_id: z.string(),
  cidr: z.string(),
  ip_version: z.number(),
  gateway_ip: z.string().nullish(),
  enable_dhcp: z.boolean().nullish(),
});
export type Subnet = z.infer<typeof subnetSchema>;

export const getSubnetResult = z.looseObject({ subnet: subnetSchema });

import { z } from 'zod';

const poolSchema = z.looseObject({ start: z.string(), end: z.string() });
const routeSchema = z.looseObject({ destination: z.string(), nexthop: z.string() });

export const subnetSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  network_id: z.string(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  cidr: z.string(),
  ip_version: z.number(),
  gateway_ip: z.string().nullish(),
  enable_dhcp: z.boolean().nullish(),
  dns_nameservers: z.array(z.string()).nullish(),
  allocation_pools: z.array(poolSchema).nullish(),
  host_routes: z.array(routeSchema).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type Subnet = z.infer<typeof subnetSchema>;

export const getSubnetResult = z.looseObject({ subnet: subnetSchema });

import { z } from 'zod';

export const idRef = z.looseObject({ id: z.string() });

export const loadBalancerSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  vip_address: z.string().nullish(),
  vip_subnet_id: z.string().nullish(),
  vip_port_id: z.string().nullish(),
  listeners: z.array(idRef).nullish(),
  pools: z.array(idRef).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;

export const getLoadBalancerResult = z.looseObject({ loadbalancer: loadBalancerSchema });

import { z } from 'zod';
import { idRef } from '../loadbalancers/results';

export const poolSchema = z.looseObject({
  id: z.string(),
  project_id: z.string().nullish(),
  name: z.string().nullish(),
  protocol: z.string(),
  lb_algorithm: z.string(),
  loadbalancers: z.array(idRef).nullish(),
  listeners: z.array(idRef).nullish(),
  members: z.array(idRef).nullish(),
  healthmonitor_id: z.string().nullish(),
  provisioning_status: z.string(),
  operating_status: z.string(),
});
export type Pool = z.infer<typeof poolSchema>;

export const getPoolResult = z.looseObject({ pool: poolSchema });

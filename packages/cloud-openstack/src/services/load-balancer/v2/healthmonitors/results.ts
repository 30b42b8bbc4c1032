import { z } from 'zod';
import { idRef } from '../loadbalancers/results';

export const healthMonitorSchema = z.looseObject({
  id: z.string(),
  project_id: z.string().nullish(),
  type: z.string(),
  delay: z.number(),
  timeout: z.number(),
  max_retries: z.number(),
  url_path: z.string().nullish(),
  pools: z.array(idRef).nullish(),
  provisioning_status: z.string(),
  operating_status: z.string(),
});
export type HealthMonitor = z.infer<typeof healthMonitorSchema>;

export const getHealthMonitorResult = z.looseObject({ healthmonitor: healthMonitorSchema });

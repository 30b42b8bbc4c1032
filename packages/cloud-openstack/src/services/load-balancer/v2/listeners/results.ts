import { z } from 'zod';
import { idRef } from '../loadbalancers/results';

export const listenerSchema = z.looseObject({
  id: z.string(),
  project_id: z.string().nullish(),
  name: z.string().nullish(),
  protocol: z.string(),
  protocol_port: z.number(),
  connection_limit: z.number().nullish(),
  default_pool_id: z.string().nullish(),
  loadbalancers: z.array(idRef).nullish(),
  provisioning_status: z.string(),
  operating_status: z.string(),
});
export type Listener = z.infer<typeof listenerSchema>;

export const getListenerResult = z.looseObject({ listener: listenerSchema });

import { z } from 'zod';
import { fixedIpSchema } from '../ports/results';

export const gatewayInfoSchema = z.looseObject({
  network_id: z.string(),
  enable_snat: z.boolean().nullish(),
  external_fixed_ips: z.array(fixedIpSchema).nullish(),
});

export const routerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  status: z.string(),
  admin_state_up: z.boolean(),
  external_gateway_info: gatewayInfoSchema.nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type Router = z.infer<typeof routerSchema>;

export const getRouterResult = z.looseObject({ router: routerSchema });

/** add/remove_router_interface answer the interface, not the router. */
export const routerInterfaceResult = z.looseObject({
  id: z.string(),
  port_id: z.string(),
  subnet_id: z.string().nullish(),
});

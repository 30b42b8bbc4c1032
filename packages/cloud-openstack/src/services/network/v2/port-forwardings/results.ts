import { z } from 'zod';

export const portForwardingSchema = z.looseObject({
  id: z.string(),
  protocol: z.string(),
  internal_port_id: z.string(),
  internal_ip_address: z.string(),
  internal_port: z.number(),
  external_port: z.number(),
  description: z.string().nullish(),
});
export type PortForwarding = z.infer<typeof portForwardingSchema>;

export const getPortForwardingResult = z.looseObject({ port_forwarding: portForwardingSchema });

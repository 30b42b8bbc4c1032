import { z } from 'zod';
import { idSchema, timestamp } from '../common';

export const topologyNodeKinds = [
  'external-network',
  'network',
  'subnet',
  'router',
  'server',
  'floating-ip',
] as const;

export const topologyEdgeKinds = [
  /** subnet → its network */
  'subnet-of',
  /** router → external network (the gateway) */
  'gateway',
  /** router → subnet (an interface) */
  'interface',
  /** server → subnet (a port's fixed IP; to the network when the port has none) */
  'port',
  /** floating IP → server it is associated with */
  'associated',
  /** floating IP → the external network it comes from */
  'allocated-from',
] as const;

export const topologyNodeSchema = z.object({
  /** The mirror id when the portal knows the object, else the cloud's id. */
  id: z.string(),
  externalId: z.string(),
  kind: z.enum(topologyNodeKinds),
  name: z.string(),
  status: z.string(),
  /** Console path of the object (e.g. /projects/<p>/networks/<id>); null when not clickable. */
  href: z.string().nullable(),
  /** Short facts: a subnet's CIDR, a server's or floating IP's address. */
  label: z.string().nullable(),
});
export type TopologyNode = z.infer<typeof topologyNodeSchema>;

export const topologyEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.enum(topologyEdgeKinds),
  /** An address on the edge, e.g. the router interface's or the port's IP. */
  label: z.string().nullable(),
});

export const topologyQuery = z.object({ datacenterId: idSchema });

export const topologySchema = z.object({
  datacenterId: z.string(),
  projectId: z.string(),
  /** When the cloud was read. */
  observedAt: timestamp,
  nodes: z.array(topologyNodeSchema),
  edges: z.array(topologyEdgeSchema),
});
export type Topology = z.infer<typeof topologySchema>;

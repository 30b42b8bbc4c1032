import { z } from 'zod';
import { idSchema } from '../common';
import { resourceName, withIdempotencyKey } from '../resources/resource.schema';
import { cidrIssues, reportIssues, subnetIssues } from './network-rules';

/** The steps of a network quick start task, in order (each shown with its detail). */
export const quickStartSteps = [
  'network',
  'subnet',
  'router',
  'gateway',
  'interface',
  'rules',
  'record',
] as const;

export const quickStartShape = z.object({
  datacenterId: idSchema,
  /** network <name>, subnet <name>-subnet, router <name>-router. */
  name: resourceName,
  cidr: z.string().trim().min(3).max(49),
  gatewayIp: z.string().trim().min(2).max(45).optional(),
  dnsNameservers: z.array(z.string().trim().min(2).max(45)).max(5).optional(),
  /** Mirror id of an external network for the router's gateway; without it the router has none. */
  externalNetworkId: idSchema.optional(),
  /** Ingress TCP ports opened on the project's default security group (plus ICMP). */
  openPorts: z
    .array(z.number().int().min(1).max(65_535))
    .max(20)
    .refine((ports) => new Set(ports).size === ports.length, { message: 'ports must be unique' })
    .optional(),
  ...withIdempotencyKey,
});
export const quickStartInput = quickStartShape.superRefine((v, ctx) => {
  const version = cidrIssues(v.cidr, undefined).cidr?.version ?? 4;
  reportIssues(
    ctx,
    subnetIssues({
      cidr: v.cidr,
      ipVersion: version,
      ...(v.gatewayIp ? { gatewayIp: v.gatewayIp } : {}),
      ...(v.dnsNameservers ? { dnsNameservers: v.dnsNameservers } : {}),
    }),
  );
});
export type QuickStartInput = z.output<typeof quickStartInput>;

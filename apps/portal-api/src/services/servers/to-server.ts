import {
  serverActionsAllowed,
  serverSchema,
  serverStatuses,
  type Server,
  type ServerStatus,
} from '@yunguan/contract';
import { z } from 'zod';
import type { ServerRow } from '../../repositories/server-repository';

/** The mirror's spec (services/inventory/server-observation.ts), read leniently. */
const specSchema = z.object({
  rawStatus: z.string().nullable().catch(null).default(null),
  taskState: z.string().nullable().catch(null).default(null),
  flavor: z
    .object({
      externalId: z.string().nullable(),
      name: z.string(),
      vcpus: z.number().int(),
      ramMb: z.number().int(),
      diskGb: z.number().int(),
    })
    .nullable()
    .catch(null)
    .default(null),
  imageExternalId: z.string().nullable().catch(null).default(null),
  availabilityZone: z.string().nullable().catch(null).default(null),
  addresses: z
    .array(
      z.object({
        network: z.string(),
        ip: z.string(),
        version: z.union([z.literal(4), z.literal(6)]),
        type: z.enum(['fixed', 'floating']),
        mac: z.string().nullable(),
      }),
    )
    .catch([])
    .default([]),
  keyName: z.string().nullable().catch(null).default(null),
  securityGroups: z.array(z.string()).catch([]).default([]),
  locked: z.boolean().catch(false).default(false),
  fault: z
    .object({ code: z.number().int(), message: z.string() })
    .nullable()
    .catch(null)
    .default(null),
  createdAt: z.string().nullable().catch(null).default(null),
});
export type MirrorSpec = z.output<typeof specSchema>;

export const specOf = (row: Pick<ServerRow, 'spec'>): MirrorSpec =>
  specSchema.parse(row.spec && typeof row.spec === 'object' ? row.spec : {});

export const statusOf = (row: Pick<ServerRow, 'status' | 'deletedAt'>): ServerStatus =>
  row.deletedAt
    ? 'deleted'
    : (serverStatuses as readonly string[]).includes(row.status)
      ? (row.status as ServerStatus)
      : 'unknown';

const iso = (value: string | null) => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

export const toServer = (
  row: ServerRow,
  departmentId: string | null,
  activeTask: Server['activeTask'],
): Server => {
  const spec = specOf(row);
  const status = statusOf(row);
  return serverSchema.parse({
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    status,
    rawStatus: spec.rawStatus,
    taskState: spec.taskState,
    locked: spec.locked,
    datacenterId: row.datacenterId,
    projectId: row.projectId,
    departmentId,
    flavor: spec.flavor,
    imageExternalId: spec.imageExternalId,
    availabilityZone: spec.availabilityZone,
    addresses: spec.addresses,
    keyName: spec.keyName,
    securityGroups: spec.securityGroups,
    fault: spec.fault,
    allowedActions:
      activeTask || status === 'deleted'
        ? []
        : serverActionsAllowed({ status, locked: spec.locked }),
    activeTask,
    createdAt: iso(spec.createdAt),
    firstSeenAt: row.firstSeenAt.toISOString(),
    observedAt: row.lastSeenAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  });
};

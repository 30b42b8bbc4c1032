import type { Reach } from '@yunguan/domain';
import type { DbClient, JsonInput } from './db-client';

const include = { project: { select: { name: true } } } as const;

export type ChannelRow = {
  id: string;
  projectId: string | null;
  departmentId: string | null;
  name: string;
  kind: string;
  settings: unknown;
  secretSealed: string | null;
  locale: string;
  ratePerMinute: number;
  enabled: boolean;
  lastSentAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  project: { name: string } | null;
};

export type ChannelWrite = {
  name: string;
  kind: string;
  projectId: string | null;
  departmentId: string | null;
  settings: JsonInput;
  secretSealed: string | null;
  locale: string;
  ratePerMinute: number;
  enabled: boolean;
};

/** Platform channels when the reach is platform-wide; else the reached projects' channels. */
const reachFilter = (reach: Reach) =>
  reach.all
    ? {}
    : {
        OR: [
          { projectId: { in: reach.projectIds } },
          { departmentId: { in: reach.departmentIds }, projectId: { not: null } },
        ],
      };

export const listChannelRows = (
  db: DbClient,
  args: {
    reach: Reach;
    projectId?: string | undefined;
    kind?: string | undefined;
    q?: string | undefined;
  },
): Promise<ChannelRow[]> =>
  db.notificationChannel.findMany({
    where: {
      AND: [
        reachFilter(args.reach),
        args.projectId ? { projectId: args.projectId } : {},
        args.kind ? { kind: args.kind } : {},
        args.q ? { name: { contains: args.q, mode: 'insensitive' as const } } : {},
      ],
    },
    include,
    orderBy: [{ projectId: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
  });

export const findChannelRow = (db: DbClient, id: string): Promise<ChannelRow | null> =>
  db.notificationChannel.findUnique({ where: { id }, include });

export const findChannelRows = (db: DbClient, ids: readonly string[]): Promise<ChannelRow[]> =>
  db.notificationChannel.findMany({ where: { id: { in: [...ids] } }, include });

export const insertChannel = (db: DbClient, data: ChannelWrite): Promise<ChannelRow> =>
  db.notificationChannel.create({ data, include });

export const updateChannelRow = (
  db: DbClient,
  id: string,
  data: Partial<Omit<ChannelWrite, 'kind' | 'projectId' | 'departmentId'>>,
): Promise<ChannelRow> => db.notificationChannel.update({ where: { id }, data, include });

export const deleteChannelRow = async (db: DbClient, id: string): Promise<void> => {
  await db.notificationChannel.delete({ where: { id } });
};

/** The outcome of a send, for the channel's health on the channels page. */
export const recordChannelOutcome = async (
  db: DbClient,
  id: string,
  outcome: { sentAt: Date } | { error: string; at: Date },
): Promise<void> => {
  await db.notificationChannel.updateMany({
    where: { id },
    data:
      'sentAt' in outcome
        ? { lastSentAt: outcome.sentAt }
        : { lastError: outcome.error, lastErrorAt: outcome.at },
  });
};

import type { ResourceKind, Volume, VolumeBackup, VolumeSnapshot } from '@yunguan/contract';
import { listLiveResourcesByExternalIds } from '../../repositories/project-resource-repository';

import type { ServiceContext } from '../context';
import type { ResourceItem } from '../resources/to-resource-item';
import { backupSpecOf, snapshotSpecOf, volumeSpecOf } from './storage-specs';

type Names = Map<string, { id: string; name: string }>;

/** Mirror rows of `type` in a datacenter by external id (servers of attachments, source volumes). */
const namesOf = async (
  ctx: ServiceContext,
  type: string,
  wanted: { datacenterId: string; externalId: string }[],
): Promise<Names> => {
  const out: Names = new Map();
  const byDc = new Map<string, Set<string>>();
  for (const w of wanted) {
    if (!w.externalId) continue;
    byDc.set(w.datacenterId, (byDc.get(w.datacenterId) ?? new Set()).add(w.externalId));
  }
  for (const [datacenterId, ids] of byDc) {
    const rows = await listLiveResourcesByExternalIds(ctx.db, datacenterId, type, [...ids]);
    for (const r of rows) out.set(`${datacenterId}/${r.externalId}`, { id: r.id, name: r.name });
  }
  return out;
};

const key = (datacenterId: string, externalId: string) => `${datacenterId}/${externalId}`;

/** Volume items: attachments name the portal's servers (id and name) where it knows them. */
export const toVolumes = async (ctx: ServiceContext, items: ResourceItem[]): Promise<Volume[]> => {
  const specs = items.map((i) => volumeSpecOf(i.spec));
  const servers = await namesOf(
    ctx,
    'server',
    items.flatMap((item, n) =>
      specs[n]!.attachments.map((a) => ({
        datacenterId: item.datacenterId,
        externalId: a.serverExternalId,
      })),
    ),
  );
  return items.map((item, n) => {
    const spec = specs[n]!;
    return {
      ...item,
      spec: {
        ...spec,
        attachments: spec.attachments.map((a) => {
          const server = servers.get(key(item.datacenterId, a.serverExternalId));
          return {
            serverExternalId: a.serverExternalId,
            serverId: server?.id ?? null,
            serverName: server?.name ?? null,
            device: a.device,
          };
        }),
      },
    };
  });
};

const withVolume = async <S extends { volumeExternalId: string }>(
  ctx: ServiceContext,
  items: ResourceItem[],
  specs: S[],
) => {
  const volumes = await namesOf(
    ctx,
    'volume',
    items.map((item, n) => ({
      datacenterId: item.datacenterId,
      externalId: specs[n]!.volumeExternalId,
    })),
  );
  return items.map((item, n) => {
    const spec = specs[n]!;
    const volume = volumes.get(key(item.datacenterId, spec.volumeExternalId));
    return {
      ...item,
      spec: { ...spec, volumeId: volume?.id ?? null, volumeName: volume?.name ?? null },
    };
  });
};

export const toVolumeSnapshots = (
  ctx: ServiceContext,
  items: ResourceItem[],
): Promise<VolumeSnapshot[]> =>
  withVolume(
    ctx,
    items,
    items.map((i) => snapshotSpecOf(i.spec)),
  );

export const toVolumeBackups = (
  ctx: ServiceContext,
  items: ResourceItem[],
): Promise<VolumeBackup[]> =>
  withVolume(
    ctx,
    items,
    items.map((i) => backupSpecOf(i.spec)),
  );

/** The kind's typed items. */
export const toStorageItems = {
  volume: toVolumes,
  'volume-snapshot': toVolumeSnapshots,
  'volume-backup': toVolumeBackups,
} satisfies Partial<Record<ResourceKind, (ctx: ServiceContext, items: ResourceItem[]) => unknown>>;

export type StorageKind = keyof typeof toStorageItems;

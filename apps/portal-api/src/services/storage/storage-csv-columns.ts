import type { CsvColumns } from '../resources/export-resources-csv';
import type { StorageKind } from './storage-items';
import { backupSpecOf, snapshotSpecOf, volumeSpecOf } from './storage-specs';

/** The kind's own CSV columns (between the common ones and the timestamps). */
export const storageCsvColumns: Record<StorageKind, CsvColumns> = {
  volume: {
    sizeGb: (i) => volumeSpecOf(i.spec).sizeGb,
    volumeType: (i) => volumeSpecOf(i.spec).volumeType,
    availabilityZone: (i) => volumeSpecOf(i.spec).availabilityZone,
    bootable: (i) => volumeSpecOf(i.spec).bootable,
    /** Server external ids, space-separated. */
    attachedTo: (i) =>
      volumeSpecOf(i.spec)
        .attachments.map((a) => a.serverExternalId)
        .join(' '),
  },
  'volume-snapshot': {
    sizeGb: (i) => snapshotSpecOf(i.spec).sizeGb,
    volumeExternalId: (i) => snapshotSpecOf(i.spec).volumeExternalId,
  },
  'volume-backup': {
    sizeGb: (i) => backupSpecOf(i.spec).sizeGb,
    volumeExternalId: (i) => backupSpecOf(i.spec).volumeExternalId,
    incremental: (i) => backupSpecOf(i.spec).incremental,
    failReason: (i) => backupSpecOf(i.spec).failReason,
  },
};

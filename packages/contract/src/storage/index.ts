import type { Contract } from '../define-contract';
import { volumeBackupContracts } from './volume-backup.contracts';
import { volumeSnapshotContracts } from './volume-snapshot.contracts';
import { volumeTypeContracts } from './volume-type.contracts';
import { volumeContracts } from './volume.contracts';

export * from './storage-messages';
export * from './volume.schema';
export * from './volume-snapshot.schema';
export * from './volume-backup.schema';
export * from './volume-type.schema';
export * from './volume.contracts';
export * from './volume-snapshot.contracts';
export * from './volume-backup.contracts';
export * from './volume-type.contracts';

/** The storage API (M1.5). */
export const storageContracts: readonly Contract[] = [
  ...volumeContracts,
  ...volumeSnapshotContracts,
  ...volumeBackupContracts,
  ...volumeTypeContracts,
];

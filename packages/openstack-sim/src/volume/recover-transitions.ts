import type { SimContext } from '../core/sim-context';
import { cinderTime, volumeSlice } from './volume-state';

/**
 * After a restart the timers of ctx.later() are gone; finish what was in flight so nothing stays
 * `creating` or `deleting` forever (an extend in flight keeps its old size).
 */
export const recoverVolumeTransitions = (ctx: SimContext) => {
  const slice = volumeSlice(ctx);
  const now = cinderTime(ctx);
  for (const volume of Object.values(slice.volumes)) {
    if (volume.status === 'deleting') delete slice.volumes[volume.id];
    else if (
      ['creating', 'downloading', 'extending', 'restoring-backup', 'backing-up'].includes(
        volume.status,
      )
    ) {
      volume.status = volume.attachments.length > 0 ? 'in-use' : 'available';
      volume.updated_at = now;
    }
  }
  for (const snapshot of Object.values(slice.snapshots)) {
    if (snapshot.status === 'deleting') delete slice.snapshots[snapshot.id];
    else if (snapshot.status === 'creating') snapshot.status = 'available';
  }
  for (const backup of Object.values(slice.backups)) {
    if (backup.status === 'deleting') delete slice.backups[backup.id];
    else if (backup.status === 'creating' || backup.status === 'restoring')
      backup.status = 'available';
  }
  ctx.store.changed();
};

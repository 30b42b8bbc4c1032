import { z } from 'zod';

/** A Cinder v3 backup at 3.18 (the project attribute); `fail_reason` holds the cloud's words. */
export const backupSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  status: z.string(),
  size: z.number(),
  volume_id: z.string(),
  is_incremental: z.boolean().nullish(),
  fail_reason: z.string().nullish(),
  'os-backup-project-attr:project_id': z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});
export type Backup = z.infer<typeof backupSchema>;

export const getBackupResult = z.looseObject({ backup: backupSchema });

/** POST /backups answers with the id, name and links only. */
export const createBackupResult = z.looseObject({
  backup: z.looseObject({ id: z.string(), name: z.string().nullish() }),
});

export const restoreBackupResult = z.looseObject({
  restore: z.looseObject({
    backup_id: z.string(),
    volume_id: z.string(),
    volume_name: z.string().nullish(),
  }),
});

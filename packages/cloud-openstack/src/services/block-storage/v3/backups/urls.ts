export const backupsUrl = () => 'backups';
export const backupsDetailUrl = () => 'backups/detail';
export const backupUrl = (id: string) => `backups/${encodeURIComponent(id)}`;
export const backupRestoreUrl = (id: string) => `backups/${encodeURIComponent(id)}/restore`;

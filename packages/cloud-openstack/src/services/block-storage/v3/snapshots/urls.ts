export const snapshotsUrl = () => 'snapshots';
export const snapshotsDetailUrl = () => 'snapshots/detail';
export const snapshotUrl = (id: string) => `snapshots/${encodeURIComponent(id)}`;

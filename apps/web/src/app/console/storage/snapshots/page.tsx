import { SnapshotsPage } from '@/components/storage/snapshots/snapshots-page';

export default function Page() {
  return <SnapshotsPage />;
}

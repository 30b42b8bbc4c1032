import { BackupsPage } from '@/components/storage/backups/backups-page';

export default function Page() {
  return <BackupsPage />;
}

import { VolumesPage } from '@/components/storage/volumes/volumes-page';

export default function Page() {
  return <VolumesPage />;
}

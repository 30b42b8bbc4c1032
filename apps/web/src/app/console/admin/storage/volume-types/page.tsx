import { VolumeTypesPage } from '@/components/admin/storage/volume-types-page';

export default function Page() {
  return <VolumeTypesPage />;
}

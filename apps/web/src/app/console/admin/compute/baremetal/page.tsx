import { BaremetalPage } from '@/components/admin/baremetal/baremetal-page';

export default function Page() {
  return <BaremetalPage />;
}

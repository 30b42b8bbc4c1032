import { HypervisorsPage } from '@/components/compute/admin/hypervisors-page';

export default function Page() {
  return <HypervisorsPage />;
}

import { AggregatesPage } from '@/components/compute/admin/aggregates-page';

export default function Page() {
  return <AggregatesPage />;
}

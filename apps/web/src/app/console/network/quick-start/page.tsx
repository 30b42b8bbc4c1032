import { QuickStartPage } from '@/components/network/quick-start/quick-start-page';

export default function Page() {
  return <QuickStartPage />;
}

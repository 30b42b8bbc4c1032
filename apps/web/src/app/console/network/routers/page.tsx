import { RoutersPage } from '@/components/network/routers/routers-page';

export default function Page() {
  return <RoutersPage />;
}

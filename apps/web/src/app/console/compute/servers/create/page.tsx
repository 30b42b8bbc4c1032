import { CreateServerPage } from '@/components/compute/create/create-server-page';

export default function Page() {
  return <CreateServerPage />;
}

import { FloatingIpsPage } from '@/components/network/floating-ips/floating-ips-page';

export default function Page() {
  return <FloatingIpsPage />;
}

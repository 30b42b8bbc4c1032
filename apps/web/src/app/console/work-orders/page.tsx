import { ComingSoon } from '@/components/common/coming-soon';

export default function Page() {
  return <ComingSoon menu="work-orders" />;
}

import { MonitoringPage } from '@/components/monitoring/monitoring-page';

export default function Page() {
  return <MonitoringPage />;
}

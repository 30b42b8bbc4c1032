import { NotificationsPage } from '@/components/notifications/notifications-page';

export default function Page() {
  return <NotificationsPage />;
}

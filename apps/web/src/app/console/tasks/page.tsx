import { TaskCenterPage } from '@/components/tasks/task-center-page';

export default function Page() {
  return <TaskCenterPage />;
}

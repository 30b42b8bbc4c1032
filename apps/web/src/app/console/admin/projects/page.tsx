import { ProjectsPage } from '@/components/admin/projects/projects-page';

export default function Page() {
  return <ProjectsPage />;
}

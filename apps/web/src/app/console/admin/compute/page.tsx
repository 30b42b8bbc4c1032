import { redirect } from 'next/navigation';

export default function Page() {
  redirect('/console/admin/compute/hypervisors');
}

import { redirect } from 'next/navigation';

/** Bare metal lives with the other compute administration pages (menu "Compute resources"). */
export default function Page() {
  redirect('/console/admin/compute/baremetal');
}

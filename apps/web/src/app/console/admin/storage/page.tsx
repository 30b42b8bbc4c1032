import { redirect } from 'next/navigation';

export default function Page() {
  redirect('/console/admin/storage/volume-types');
}

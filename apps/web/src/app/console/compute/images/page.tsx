import { ImagesPage } from '@/components/compute/images/images-page';

export default function Page() {
  return <ImagesPage />;
}

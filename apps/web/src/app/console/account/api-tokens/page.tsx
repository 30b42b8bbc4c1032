import { ApiTokensPage } from '@/components/account/api-tokens-page';

export default function Page() {
  return <ApiTokensPage />;
}

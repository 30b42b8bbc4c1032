import { LoginForm } from '@/components/login/login-form';

export default async function LoginPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await props.searchParams;
  return <LoginForm next={typeof next === 'string' ? next : undefined} />;
}

import { loginPortal } from '@yunguan/testing';

export const DEMO_MAIL_CHANNEL = '演示邮箱';

/**
 * The demo's email channel: a platform channel pointed at the demo mailbox (the local SMTP
 * server portal-api runs on DEMO_SMTP_PORT), made through the public API once, and an address for
 * the admin so "send test" has somewhere to go. The console shows what arrives (通知 → 演示邮箱).
 */
export const ensureDemoMailChannel = async (opts: {
  apiUrl: string;
  password: string;
  smtpPort: number;
}): Promise<'created' | 'exists'> => {
  const { call } = await loginPortal(opts.apiUrl, 'admin', opts.password);
  const me = (await call('GET', '/api/v1/me')) as { user?: { id: string; email: string | null } };
  if (me.user && !me.user.email)
    await call('PATCH', `/api/v1/users/${me.user.id}`, { email: 'admin@yunguan.demo' });
  const list = (await call('GET', '/api/v1/notification-channels')) as {
    items: { name: string }[];
  };
  if (list.items.some((c) => c.name === DEMO_MAIL_CHANNEL)) return 'exists';
  await call('POST', '/api/v1/notification-channels', {
    kind: 'email',
    name: DEMO_MAIL_CHANNEL,
    settings: {
      host: '127.0.0.1',
      port: opts.smtpPort,
      security: 'none',
      from: 'yunguan@yunguan.demo',
    },
  });
  return 'created';
};

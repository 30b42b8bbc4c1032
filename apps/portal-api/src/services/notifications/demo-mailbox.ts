import { randomUUID } from 'node:crypto';
import type { DemoMail } from '@yunguan/contract';
import { assertHas, platformTarget } from '@yunguan/domain';
import type { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ServiceContext } from '../context';

const KEEP = 50;

/**
 * The demo's mailbox (npm run demo): a real SMTP server (`smtp-server`) on loopback that accepts
 * any mail without authentication, parses it with `mailparser` and keeps the last 50 in a Redis
 * list, so the console can show a newcomer the alert mail that arrived.
 */
export const startDemoMailbox = async (opts: {
  port: number;
  redis: Redis;
  key: string;
}): Promise<{ close: () => Promise<void> }> => {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Yunguan demo mailbox',
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = Array.isArray(mail.to)
            ? mail.to.map((a) => a.text).join(', ')
            : (mail.to?.text ?? '');
          const item: DemoMail = {
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            from: mail.from?.text ?? '',
            to,
            subject: mail.subject ?? '',
            text: (mail.text ?? '').slice(0, 20_000),
          };
          await opts.redis.lpush(opts.key, JSON.stringify(item));
          await opts.redis.ltrim(opts.key, 0, KEEP - 1);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/** What the demo mailbox received, newest first (platform administrators). */
export const readDemoMailbox = async (
  ctx: ServiceContext,
): Promise<{ enabled: boolean; messages: DemoMail[] }> => {
  assertHas(ctx.principal, 'notification.manage', platformTarget);
  const runtime = ctx.config.notifications;
  if (!runtime.demoMailboxKey) return { enabled: false, messages: [] };
  const raw = await runtime.connection.lrange(runtime.demoMailboxKey, 0, KEEP - 1);
  return { enabled: true, messages: raw.map((r) => JSON.parse(r) as DemoMail) };
};

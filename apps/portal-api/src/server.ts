import { closeDeps, createDeps } from './deps';
import { loadEnv } from './env';
import { buildApp } from './http/app';
import { startDemoMailbox } from './services/notifications/demo-mailbox';

const env = loadEnv();
const deps = createDeps(env);
const app = await buildApp(deps);
// npm run demo: a local SMTP server whose mail the console shows (ADR 0119).
const mailboxKey = deps.config.notifications.demoMailboxKey;
const mailbox =
  env.DEMO_SMTP_PORT !== undefined && mailboxKey
    ? await startDemoMailbox({ port: env.DEMO_SMTP_PORT, redis: deps.redis, key: mailboxKey })
    : null;
if (mailbox) app.log.info({ port: env.DEMO_SMTP_PORT }, 'demo mailbox (SMTP) listening');

const stop = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await mailbox?.close();
  await closeDeps(deps);
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ host: env.HOST, port: env.PORT });

import { closeDeps, createDeps } from './deps';
import { loadEnv } from './env';
import { buildApp } from './http/app';

const env = loadEnv();
const deps = createDeps(env);
const app = await buildApp(deps);

const stop = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await closeDeps(deps);
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ host: env.HOST, port: env.PORT });

import { existsSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from './ports';
import { startChild, type Child } from './processes';

export type StackOptions = {
  root: string;
  env: NodeJS.ProcessEnv;
  apiPort: number;
  webPort: number;
  quiet?: boolean;
  /** Each process logs to `<logDir>/<name>.log`; the terminal gets only warnings and errors. */
  logDir?: string;
};

export type RunningStack = {
  apiUrl: string;
  webUrl: string;
  children: Child[];
  stop: () => Promise<void>;
};

const ok = async (url: string) => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};

/** portal-api server, worker and the web (production build) as separate processes. */
export const startStack = async (opts: StackOptions): Promise<RunningStack> => {
  const next = path.join(opts.root, 'node_modules/.bin/next');
  if (!existsSync(path.join(opts.root, 'apps/web/.next/BUILD_ID'))) {
    throw new Error('apps/web has no production build; run `npm run build` first');
  }
  const apiUrl = `http://127.0.0.1:${opts.apiPort}`;
  const webUrl = `http://127.0.0.1:${opts.webPort}`;
  const env = { ...opts.env, PORT: String(opts.apiPort), HOST: '127.0.0.1' };
  const children: Child[] = [];
  const logFile = (name: string) =>
    opts.logDir ? { logFile: path.join(opts.logDir, `${name}.log`) } : {};
  const stop = async () => {
    await Promise.all(children.map((c) => c.stop()));
  };
  try {
    const apiDir = path.join(opts.root, 'apps/portal-api');
    children.push(
      startChild('api', process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: apiDir,
        env,
        quiet: opts.quiet,
        ...logFile('api'),
      }),
    );
    children.push(
      startChild('worker', process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
        cwd: apiDir,
        env,
        quiet: opts.quiet,
        ...logFile('worker'),
      }),
    );
    children.push(
      startChild('web', next, ['start', '-H', '127.0.0.1', '-p', String(opts.webPort)], {
        cwd: path.join(opts.root, 'apps/web'),
        env: {
          ...opts.env,
          YUNGUAN_API_ORIGIN: apiUrl,
          NODE_ENV: 'production',
          PORT: String(opts.webPort),
        },
        quiet: opts.quiet,
        ...logFile('web'),
      }),
    );
    const dead = () => children.find((c) => c.process.exitCode !== null);
    const ready = async (url: string) => {
      const gone = dead();
      if (gone)
        throw new Error(`${gone.name} exited with code ${gone.process.exitCode} during start-up`);
      return ok(url);
    };
    await waitFor('portal-api /readyz', () => ready(`${apiUrl}/readyz`), 60_000);
    await waitFor('web /login', () => ready(`${webUrl}/login`), 60_000);
    return { apiUrl, webUrl, children, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

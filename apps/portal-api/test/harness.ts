import { randomBytes } from 'node:crypto';
import { createTestDatabase, testRedisUrl } from '@yunguan/testing/database';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { closeDeps, createDeps } from '../src/deps';
import { loadEnv } from '../src/env';
import { buildApp } from '../src/http/app';
import type { AppDeps } from '../src/http/deps';
import { migrate } from '../src/db/migrate';
import type { ServiceContext } from '../src/services/context';
import { createSuperAdmin } from '../src/services/bootstrap/create-super-admin';

export const PASSWORD = 'correct-horse-battery';

export type Harness = {
  app: FastifyInstance;
  deps: AppDeps;
  clock: { offsetMs: number };
  admin: Session;
  adminCtx: ServiceContext;
  login: (username: string, password?: string, totpCode?: string) => Promise<Session>;
  anonymous: Session;
  close: () => Promise<void>;
};

/** A logged-in (or anonymous) HTTP caller with its own cookie jar and CSRF token. */
export class Session {
  cookies: Record<string, string> = {};
  constructor(
    private readonly app: FastifyInstance,
    readonly username: string | null,
  ) {}

  get csrf() {
    return this.cookies.yg_csrf;
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        'accept-language': 'en',
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
        delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse): T => res.json<T>();

/** One database (cloned from the migrated template) and one app per test file. */
export const createHarness = async (opts: { tunnelPortRange?: string } = {}): Promise<Harness> => {
  const databaseUrl = await createTestDatabase();
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    YUNGUAN_SECRET_KEY: randomBytes(32).toString('base64'),
    YUNGUAN_FAST_HASH: 'true',
    LOG_LEVEL: process.env.YG_TEST_LOG ?? 'silent',
    // Each harness has its own slice of the shared test Redis.
    REDIS_KEY_PREFIX: `yg-test-${randomBytes(4).toString('hex')}:`,
    ...(opts.tunnelPortRange ? { TUNNEL_PORT_RANGE: opts.tunnelPortRange } : {}),
  });
  const clock = { offsetMs: 0 };
  const deps: AppDeps = { ...createDeps(env), now: () => new Date(Date.now() + clock.offsetMs) };
  // The template is migrated already; running the migrator again must be a no-op.
  await migrate(databaseUrl, new URL('../../../prisma/migrations', import.meta.url).pathname);
  const app = await buildApp(deps);
  await app.ready();
  const { ctx: adminCtx } = await createSuperAdmin(deps.db, deps.config, {
    username: 'root-admin',
    password: PASSWORD,
    displayName: 'Root',
    now: deps.now!,
  });
  const login = async (username: string, password = PASSWORD, totpCode?: string) => {
    const session = new Session(app, username);
    const res = await session.post('/api/v1/auth/login', {
      username,
      password,
      ...(totpCode ? { totpCode } : {}),
    });
    if (res.statusCode !== 200 || json(res).status !== 'ok') {
      throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    }
    return session;
  };
  return {
    app,
    deps,
    clock,
    admin: await login('root-admin'),
    adminCtx,
    login,
    anonymous: new Session(app, null),
    close: async () => {
      await app.close();
      await closeDeps(deps);
    },
  };
};

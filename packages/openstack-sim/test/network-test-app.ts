import Fastify, { type FastifyInstance } from 'fastify';
import { OpenStackError } from '../src/core/errors';
import type { SimContext, SimNotification } from '../src/core/sim-context';
import { openStore } from '../src/core/store';
import { registerNetwork } from '../src/network';
import { registerVolume } from '../src/volume';

export type TestApp = {
  app: FastifyInstance;
  ctx: SimContext;
  notifications: SimNotification[];
  /** Request as a member of `project` (or as admin with `admin: true`). */
  call: (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    opts?: { project?: string; admin?: boolean; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }>;
  close: () => Promise<void>;
};

/**
 * Fastify + an in-memory SimContext with Neutron and Cinder registered; the caller comes from
 * `x-test-project` / `x-test-admin` instead of Keystone, and delays are zero.
 */
export const createTestApp = async (): Promise<TestApp> => {
  const timers = new Set<NodeJS.Timeout>();
  const notifications: SimNotification[] = [];
  const ctx: SimContext = {
    store: openStore(null),
    delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    now: () => new Date(),
    baseUrl: 'http://sim.test',
    dataDir: null,
    notify: (n) =>
      notifications.push({
        ...n,
        priority: n.priority ?? 'INFO',
        message_id: crypto.randomUUID(),
        timestamp: new Date().toISOString(),
      }),
    recentNotifications: () => notifications,
    caller: (request) => {
      const project = request.headers['x-test-project'];
      if (typeof project !== 'string') {
        throw new OpenStackError(401, {
          error: {
            code: 401,
            message: 'The request you have made requires authentication.',
            title: 'Unauthorized',
          },
        });
      }
      const isAdmin = request.headers['x-test-admin'] === 'true';
      return {
        userId: `user-${project}`,
        projectId: project,
        domainId: 'default',
        roles: isAdmin ? ['admin'] : ['member'],
        isAdmin,
      };
    },
    later: (ms, fn) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
  };
  const app = Fastify({ logger: false });
  registerNetwork(app, ctx);
  registerVolume(app, ctx);
  await app.ready();
  const call: TestApp['call'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = {
      'x-test-project': opts.project ?? 'p1',
      ...opts.headers,
    };
    if (opts.admin) headers['x-test-admin'] = 'true';
    const response = await app.inject({
      method,
      url,
      headers,
      ...(opts.body === undefined ? {} : { payload: opts.body as object }),
    });
    const body = response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
    return { status: response.statusCode, body, headers: response.headers };
  };
  return {
    app,
    ctx,
    notifications,
    call,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await app.close();
    },
  };
};

/** Lets zero-delay ctx.later() transitions run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

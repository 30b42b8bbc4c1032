import Fastify, { type FastifyInstance } from 'fastify';
import { computeOf, registerCompute } from '../src/compute';
import { registerConsole } from '../src/console';
import { registerNetwork } from '../src/network';
import { registerVolume } from '../src/volume';
import { keystoneError } from '../src/core/errors';
import type { SimCaller, SimContext, SimDelays, SimNotification } from '../src/core/sim-context';
import type { SimState } from '../src/core/sim-state';
import { imageStateOf } from '../src/image';
import { openStore } from '../src/core/store';

export type ComputeTestApp = {
  app: FastifyInstance;
  ctx: SimContext;
  notifications: SimNotification[];
  /** Resolves once every pending state transition (ctx.later) has run. */
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Nova (with Neutron and Cinder, which it calls) on Fastify, in memory, zero delays. The caller comes from `x-test-project`,
 * `x-test-user` and `x-test-admin: 1` instead of a Keystone token.
 */
export const createComputeTestApp = async (
  opts: { delays?: Partial<SimDelays>; state?: SimState } = {},
): Promise<ComputeTestApp> => {
  const notifications: SimNotification[] = [];
  const pending = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const store = openStore(null);
  // A restart: the state a previous process left (deep copy, as if read back from the file).
  if (opts.state) Object.assign(store.state, structuredClone(opts.state));
  else seedTestImages(store.state);
  const ctx: SimContext = {
    store,
    delays: { buildMs: 0, actionMs: 0, volumeMs: 0, ...opts.delays },
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
    caller: (request): SimCaller => {
      const project = request.headers['x-test-project'];
      if (typeof project !== 'string')
        throw keystoneError(401, 'The request you have made requires authentication.');
      const admin = request.headers['x-test-admin'] === '1';
      const user = request.headers['x-test-user'];
      return {
        projectId: project,
        userId: typeof user === 'string' ? user : `user-of-${project}`,
        domainId: 'default',
        roles: admin ? ['admin', 'member'] : ['member'],
        isAdmin: admin,
      };
    },
    later: (ms, fn) => {
      const p = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
          resolve();
        }, ms);
        timers.add(timer);
      });
      pending.add(p);
      void p.then(() => pending.delete(p));
    },
  };
  const app = Fastify({ logger: false });
  registerNetwork(app, ctx);
  registerVolume(app, ctx);
  registerCompute(app, ctx);
  const consoles = registerConsole(app, ctx, (id) => {
    const s = computeOf(ctx).servers.find((x) => x.id === id && !x.deleted);
    return s?.status === 'ACTIVE' ? { id: s.id, name: s.name } : null;
  });
  await app.ready();
  const settle = async () => {
    while (pending.size) await Promise.all([...pending]);
  };
  const close = async () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    pending.clear();
    await consoles.stop();
    await app.close();
  };
  return { app, ctx, notifications, settle, close };
};

export const asProject = (project: string, admin = false) => ({
  'x-test-project': project,
  ...(admin ? { 'x-test-admin': '1' } : {}),
  'openstack-api-version': 'compute 2.79',
});

/** Two active public images, 'img' and 'img-1', in the image engineer's Glance shape. */
const seedTestImages = (state: SimState) => {
  const images = imageStateOf(state).images;
  for (const id of ['img', 'img-1'])
    images[id] = {
      id,
      name: `test-${id}`,
      status: 'active',
      visibility: 'public',
      protected: false,
      os_hidden: false,
      checksum: null,
      os_hash_algo: null,
      os_hash_value: null,
      size: 0,
      virtual_size: null,
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 0,
      min_ram: 0,
      owner: 'admin',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      tags: [],
      properties: {},
    };
};

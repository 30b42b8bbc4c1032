import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { openEventJournal } from './core/event-journal';
import { OpenStackError } from './core/errors';
import { requestId, uuid } from './core/ids';
import type { SimContext, SimDelays } from './core/sim-context';
import { openStore } from './core/store';
import { registerBaremetal } from './baremetal';
import { computeOf, registerCompute } from './compute';
import { registerConsole } from './console';
import { registerIdentity, resolveCaller } from './identity';
import { registerImage } from './image';
import { registerNetwork } from './network';
import { registerPlacement } from './placement';
import { registerVolume } from './volume';

export const defaultDelays: SimDelays = { buildMs: 1_500, actionMs: 1_000, volumeMs: 1_000 };

export type SimAppOptions = {
  /** `<dataDir>/sim-state.json`; null keeps everything in memory (images in a temp folder). */
  dataFile: string | null;
  /** Base URL the catalog is built from; set it (ctx.baseUrl) once the port is known. */
  baseUrl?: string;
  delays?: Partial<SimDelays>;
  adminPassword?: string;
};

export type SimApp = {
  app: FastifyInstance;
  ctx: SimContext;
  /** Cancel pending state transitions and write the state file. */
  close: () => Promise<void>;
};

/** The simulated datacenter: one Fastify app serving every OpenStack API under its DevStack path. */
export const createSimApp = async (opts: SimAppOptions): Promise<SimApp> => {
  const dataDir = opts.dataFile === null ? null : path.dirname(opts.dataFile);
  const store = openStore(opts.dataFile);
  const journal = openEventJournal(dataDir === null ? null : path.join(dataDir, 'events.jsonl'));
  const timers = new Set<NodeJS.Timeout>();
  const ctx: SimContext = {
    store,
    delays: { ...defaultDelays, ...opts.delays },
    now: () => new Date(),
    baseUrl: opts.baseUrl ?? 'http://127.0.0.1',
    dataDir,
    notify: (n) =>
      journal.append({
        ...n,
        priority: n.priority ?? 'INFO',
        message_id: uuid(),
        timestamp: new Date().toISOString().replace('T', ' ').replace('Z', ''),
      }),
    recentNotifications: () => journal.recent(),
    caller: (request) => resolveCaller(ctx, request),
    later: (ms, fn) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        try {
          fn();
        } catch (error) {
          // A failed transition must not take the agent down; it goes to the event journal.
          ctx.notify({
            event_type: 'sim.transition.error',
            publisher_id: 'sim.localhost',
            priority: 'ERROR',
            payload: { message: error instanceof Error ? error.message : String(error) },
          });
        }
        store.changed();
      }, ms);
      timers.add(timer);
    },
  };

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  // Clients send `Content-Type: application/json` with empty bodies (DELETE, some actions).
  app.removeContentTypeParser('application/json');
  for (const type of ['application/json', /^application\/[^;]*\+json/]) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => {
      const text = body.toString();
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text) as unknown);
      } catch {
        done(
          new OpenStackError(400, {
            badRequest: { code: 400, message: 'Malformed JSON in request body.' },
          }),
        );
      }
    });
  }
  app.addHook('onRequest', (request, reply, done) => {
    const id = requestId();
    reply.header('x-openstack-request-id', id);
    if (request.url.startsWith('/compute')) reply.header('x-compute-request-id', id);
    done();
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof OpenStackError) {
      return reply
        .code(error.status)
        .header('content-type', 'application/json')
        .send(JSON.stringify(error.body));
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const message = error instanceof Error ? error.message : String(error);
    return reply
      .code(status)
      .send(
        status >= 500
          ? { computeFault: { code: status, message } }
          : { badRequest: { code: status, message } },
      );
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 404,
        title: 'Not Found',
        message: `The resource could not be found: ${request.method} ${request.url.split('?')[0]}`,
      },
    }),
  );

  registerIdentity(app, ctx, { adminPassword: opts.adminPassword });
  await registerImage(app, ctx);
  registerPlacement(app, ctx);
  registerNetwork(app, ctx);
  registerVolume(app, ctx);
  registerCompute(app, ctx);
  registerBaremetal(app, ctx);
  const consoles = registerConsole(app, ctx, (id) => {
    const s = computeOf(ctx).servers.find((x) => x.id === id);
    return s && !s.deleted && s.status === 'ACTIVE' && s.vmState === 'active'
      ? { id: s.id, name: s.name }
      : null;
  });
  await app.ready();

  const close = async () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await consoles.stop();
    await app.close();
    await store.flush();
  };
  return { app, ctx, close };
};

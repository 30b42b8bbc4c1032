import type { PortalEvent } from '@yunguan/contract';
import { streamEvents } from '@yunguan/contract';
import { can, isPlatformAdmin, type Principal } from '@yunguan/domain';
import type { FastifyInstance } from 'fastify';
import { createEventHub } from '../../events/event-hub';
import { localiseTask } from '../../services/tasks/to-task';
import type { AppDeps } from '../deps';
import { localeOf } from '../locale';
import { authenticate } from '../request-context';

export const SSE_HEARTBEAT_MS = 15_000;

/** Only events of projects the user can read; unowned cloud objects only for platform admins. */
export const canSee = (principal: Principal, event: PortalEvent): boolean =>
  event.projectId === null || event.departmentId === null
    ? isPlatformAdmin(principal) &&
      can(principal, 'resource.read', { departmentId: null, projectId: null })
    : can(principal, 'resource.read', {
        departmentId: event.departmentId,
        projectId: event.projectId,
      });

/**
 * GET /api/v1/events — server-sent events (outside the JSON contract machinery, documented in
 * the OpenAPI document by the `event.stream` contract). One Redis subscription per process; the
 * session is re-checked with every heartbeat, so a logout ends the stream within 15 s.
 */
export const registerEventRoutes = (app: FastifyInstance, deps: AppDeps) => {
  const hub = createEventHub(deps.redis, deps.config.tasks.events.channel, (error) =>
    app.log.warn({ err: error }, 'unreadable portal event dropped'),
  );
  app.addHook('onClose', async () => hub.close());
  app.route({
    method: 'GET',
    url: streamEvents.path,
    config: { contractId: streamEvents.id },
    schema: {
      operationId: streamEvents.id,
      summary: streamEvents.summary,
      tags: [streamEvents.tag],
      security: [{ session: [] }, { bearer: [] }],
      response: { 200: streamEvents.response },
    },
    handler: async (request, reply) => {
      // The close handler comes first: a client gone while we authenticate or subscribe leaves
      // no listener or heartbeat behind.
      let closed = false;
      let cleanup = () => {};
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
      };
      request.raw.on('close', close);
      let ctx = await authenticate(deps, request);
      const locale = localeOf(request);
      reply.hijack();
      const raw = reply.raw;
      if (closed || raw.destroyed) return;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write('retry: 3000\n: connected\n\n');
      const send = (event: PortalEvent) => {
        if (closed || !canSee(ctx.principal, event)) return;
        const shown =
          event.type === 'task.updated'
            ? { ...event, task: localiseTask(event.task, locale) }
            : event;
        raw.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(shown)}\n\n`);
      };
      let unlisten: () => void;
      try {
        unlisten = await hub.listen(send);
      } catch (error) {
        // Hijacked: Fastify no longer answers for us. End the stream; the client retries.
        request.log.warn({ err: error }, 'event stream could not subscribe');
        closed = true;
        raw.end();
        return;
      }
      if (closed || raw.destroyed) {
        unlisten();
        return;
      }
      const heartbeat = setInterval(() => {
        void (async () => {
          try {
            ctx = await authenticate(deps, request);
            if (!closed) raw.write(': ping\n\n');
          } catch {
            if (!closed) raw.write('event: session.expired\ndata: {}\n\n');
            close();
          }
        })();
      }, SSE_HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unlisten();
        raw.end();
      };
    },
  });
};

import type { PortalEvent, StreamReset } from '@yunguan/contract';
import { lastEventIdSchema, streamEvents } from '@yunguan/contract';
import { can, isPlatformAdmin, type Principal } from '@yunguan/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createEventFeed, type FeedListener } from '../../events/event-feed';
import { toPortalEvent } from '../../events/to-portal-event';
import type { LifecycleEventRow } from '../../services/events/resume-event-stream';
import { resumeEventStream } from '../../services/events/resume-event-stream';
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

/** Where the client resumes: `Last-Event-ID`, else `?lastEventId=`; null for a fresh stream or
 * a position that is not a seq (that client gets a reset). */
const resumePositionOf = (request: FastifyRequest): bigint | 'invalid' | null => {
  const header = request.headers['last-event-id'];
  const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
  const raw = typeof header === 'string' && header !== '' ? header : query;
  if (raw === undefined || raw === '') return null;
  const parsed = lastEventIdSchema.safeParse(raw);
  return parsed.success ? BigInt(parsed.data) : 'invalid';
};

/**
 * GET /api/v1/events — server-sent events from the event log (ADR 0112), outside the JSON
 * contract machinery (documented by the `event.stream` contract). Each message carries
 * `id: <seq>`; a client that resumes with Last-Event-ID first gets what it missed (tenancy
 * filtered as live) or a `reset`. One log reader per process (events/event-feed.ts); the session
 * is re-checked with every heartbeat, so a logout ends the stream within 15 s.
 */
export const registerEventRoutes = (app: FastifyInstance, deps: AppDeps) => {
  const feed = createEventFeed({
    db: deps.db,
    redis: deps.redis,
    channel: deps.config.tasks.events.channel,
    onError: (error) => app.log.warn({ err: error }, 'event log read failed'),
  });
  app.addHook('onClose', async () => feed.close());
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
      const resumeFrom = resumePositionOf(request);
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

      // The highest seq this client has been given (as an event or a bare `id:` line).
      let cursor = 0n;
      const sendRows = (rows: LifecycleEventRow[], late: boolean) => {
        let skippedTo: bigint | null = null;
        for (const row of rows) {
          if (closed) return;
          if (!late && row.seq <= cursor) continue;
          let event: PortalEvent | null = null;
          try {
            event = toPortalEvent(row, locale);
          } catch (error) {
            request.log.warn({ err: error, seq: row.seq.toString() }, 'unreadable event skipped');
          }
          if (!late) cursor = row.seq;
          if (!event || !canSee(ctx.principal, event)) {
            if (!late) skippedTo = row.seq;
            continue;
          }
          skippedTo = null;
          // A late row (committed after rows with higher seqs were sent) carries no id: the
          // client's position stays at the highest seq it has.
          const id = late ? '' : `id: ${row.seq}\n`;
          raw.write(`${id}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        }
        // Rows this user may not see still move their position (an `id:` without data).
        if (skippedTo !== null && !closed) raw.write(`id: ${skippedTo}\n\n`);
      };

      // Rows the feed delivers while the replay is read wait until it has been sent.
      let backlog: [LifecycleEventRow[], boolean][] | null = [];
      const onRows: FeedListener = (rows, late) => {
        if (backlog) backlog.push([rows, late]);
        else sendRows(rows, late);
      };
      let unlisten = () => {};
      try {
        const joined = await feed.listen(onRows);
        unlisten = joined.unlisten;
        if (resumeFrom === null) {
          cursor = joined.head;
          if (joined.head > 0n && !closed) raw.write(`id: ${joined.head}\n\n`);
        } else {
          const resume =
            resumeFrom === 'invalid'
              ? ({ kind: 'reset', reason: 'unknown_position' } as const)
              : await resumeEventStream(deps, { after: resumeFrom, head: joined.head });
          if (resume.kind === 'reset') {
            cursor = joined.head;
            const reset: StreamReset = {
              type: 'reset',
              seq: joined.head.toString(),
              reason: resume.reason,
            };
            if (!closed) {
              raw.write(`id: ${joined.head}\nevent: reset\ndata: ${JSON.stringify(reset)}\n\n`);
            }
          } else {
            cursor = resumeFrom === 'invalid' ? joined.head : resumeFrom;
            sendRows(resume.rows, false);
            if (cursor < joined.head) cursor = joined.head;
          }
        }
        const pending = backlog;
        backlog = null;
        for (const [rows, late] of pending) sendRows(rows, late);
      } catch (error) {
        // Hijacked: Fastify no longer answers for us. End the stream; the client retries.
        request.log.warn({ err: error }, 'event stream could not start');
        unlisten();
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

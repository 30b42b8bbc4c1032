import websocket from '@fastify/websocket';
import * as c from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/deps';
import { localeOf } from '../http/locale';
import { registerContract } from '../http/register-contract';
import { authenticate } from '../http/request-context';
import { parseInput } from '../http/validate';
import { createConsoleTickets } from './console-tickets';
import { consoleRelayPath, issueServerConsole } from './issue-server-console';
import { connectDatacenterConsole, relayConsole, type DatacenterConsole } from './relay-console';

const relayQuery = z.object({ ticket: z.string().min(1).max(200) });

const ticketInvalid = () =>
  new DomainError('NOT_FOUND', 'console ticket unknown, used or expired', {
    reason: 'console_ticket_invalid',
  });

/**
 * `GET /api/v1/servers/:id/console` issues a one-time ticket; `GET /api/v1/console/ws?ticket=…`
 * (WebSocket, binary frames) consumes it — same user only — and relays to the datacenter's
 * console proxy through the tunnel. Refusals happen before the upgrade, as HTTP errors.
 */
export const registerConsoleRoutes = (app: FastifyInstance, deps: AppDeps): void => {
  const tickets = createConsoleTickets(deps.redis, deps.env.REDIS_KEY_PREFIX);
  registerContract(app, deps, c.getServerConsole, async ({ ctx, params, reply }) => {
    const answer = await issueServerConsole(ctx, tickets, params.id);
    // The ticket is a one-time secret: no cache (browser, proxy) may keep it.
    void reply.header('cache-control', 'no-store');
    return answer;
  });
  void app.register(async (scope) => {
    await scope.register(websocket);
    const upstreams = new WeakMap<FastifyRequest, DatacenterConsole>();
    /** An upstream the handler never took (plain GET, client gone before the upgrade): close it. */
    const drop = (request: FastifyRequest) => {
      const upstream = upstreams.get(request);
      upstreams.delete(request);
      upstream?.socket.terminate();
    };
    scope.addHook('preValidation', async (request) => {
      const ctx = await authenticate(deps, request);
      const { ticket } = parseInput(relayQuery, request.query, localeOf(request), 'query');
      const data = await tickets.consume(ticket);
      if (!data || data.userId !== ctx.principal.userId) throw ticketInvalid();
      const upstream = await connectDatacenterConsole(deps, data);
      upstreams.set(request, upstream);
      // The client may leave before its upgrade reaches the handler (which then never runs).
      if (request.ws)
        if (request.raw.socket.destroyed) drop(request);
        else request.raw.socket.once('close', () => drop(request));
      request.log.info(
        { serverId: data.serverId, datacenterId: data.datacenterId },
        'console relay opened',
      );
    });
    // A request that was answered over HTTP (not upgraded) never reaches the relay.
    scope.addHook('onResponse', (request, _reply, done) => {
      drop(request);
      done();
    });
    scope.get(consoleRelayPath, { websocket: true, schema: { hide: true } }, (socket, request) => {
      const upstream = upstreams.get(request);
      upstreams.delete(request);
      if (!upstream) return socket.close(1011);
      relayConsole(socket, upstream);
    });
  });
};

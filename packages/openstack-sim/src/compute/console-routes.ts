import type { FastifyInstance, FastifyRequest } from 'fastify';
import { consoleHubOf, consoleUrl } from '../console';
import { novaError } from '../core/errors';
import { originOf } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import type { Server } from './compute-state';
import { atLeast, bodyOf, objectIn, str, type Body } from './nova-http';
import { findServer } from './server-service';

const protocols = ['vnc', 'spice', 'rdp', 'serial', 'mks'];

/** Nova's InstanceNotReady (409) unless the instance runs; then a one-time token and its URL. */
const vncUrlFor = (ctx: SimContext, request: FastifyRequest, s: Server, type: string): string => {
  if (type !== 'novnc' && type !== 'xvpvnc')
    throw novaError('badRequest', `Unavailable console type ${type}.`);
  if (s.vmState !== 'active' || s.status !== 'ACTIVE')
    throw novaError('conflictingRequest', `Instance ${s.id} is not ready`);
  const hub = consoleHubOf(ctx);
  // The VNC server starts when the console client connects (the token is consumed). Through the agent (X-Forwarded-Host) the URL names the agent's /console prefix.
  return consoleUrl(originOf(request, ctx.baseUrl), hub.issueToken(s.id));
};

/** The legacy action (microversions 2.1–2.5): `{"os-getVNCConsole": {"type": "novnc"}}`. */
export const getVncConsoleAction = (
  ctx: SimContext,
  request: FastifyRequest,
  s: Server,
  body: Body,
) => {
  const input = objectIn(body, 'os-getVNCConsole');
  const type = str(input.type, 'type') ?? '';
  return { code: 200, body: { console: { type, url: vncUrlFor(ctx, request, s, type) } } };
};

/** POST /servers/{id}/remote-consoles (2.6+): `{"remote_console": {"protocol", "type"}}`. */
export const registerConsoleRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  scope.post<{ Params: { id: string } }>('/servers/:id/remote-consoles', (request, reply) => {
    if (!atLeast(request, 6)) throw novaError('itemNotFound', 'The resource could not be found.');
    const caller = ctx.caller(request);
    const s = findServer(ctx, caller, request.params.id);
    const input = objectIn(bodyOf(request), 'remote_console');
    const protocol = str(input.protocol, 'protocol') ?? '';
    const type = str(input.type, 'type') ?? '';
    if (!protocols.includes(protocol))
      throw novaError(
        'badRequest',
        `Invalid input for field/attribute protocol. Value: ${protocol}. '${protocol}' is not one of ${JSON.stringify(protocols)}`,
      );
    if (protocol !== 'vnc') throw novaError('badRequest', `Unavailable console type ${type}.`);
    const url = vncUrlFor(ctx, request, s, type);
    return void reply.code(200).send({ remote_console: { protocol, type, url } });
  });
};

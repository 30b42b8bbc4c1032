import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { addressesOf } from './network-adapter';
import { bodyOf, objectIn, scalar } from './nova-http';
import { checkLocked } from './servers-routes';
import { findServer } from './server-service';

type IdParams = { Params: { id: string } };
type KeyParams = { Params: { id: string; key: string } };

/** Server metadata (whole and per key) and the server's addresses (`/ips`, `/ips/{network}`). */
export const registerServerMetadataRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  scope.get<IdParams>('/servers/:id/metadata', (request) => {
    const caller = ctx.caller(request);
    return { metadata: findServer(ctx, caller, request.params.id).metadata };
  });
  const writeMetadata = (replace: boolean) => (request: FastifyRequest<IdParams>) => {
    const caller = ctx.caller(request);
    const s = findServer(ctx, caller, request.params.id);
    checkLocked(caller, s);
    const input = objectIn(bodyOf(request), 'metadata');
    const metadata = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, scalar(v, k)]));
    s.metadata = replace ? metadata : { ...s.metadata, ...metadata };
    ctx.store.changed();
    return { metadata: s.metadata };
  };
  scope.post<IdParams>('/servers/:id/metadata', writeMetadata(false));
  scope.put<IdParams>('/servers/:id/metadata', writeMetadata(true));
  scope.get<KeyParams>('/servers/:id/metadata/:key', (request) => {
    const s = findServer(ctx, ctx.caller(request), request.params.id);
    const value = s.metadata[request.params.key];
    if (value === undefined) throw novaError('itemNotFound', 'Metadata item was not found');
    return { meta: { [request.params.key]: value } };
  });
  scope.put<KeyParams>('/servers/:id/metadata/:key', (request) => {
    const caller = ctx.caller(request);
    const s = findServer(ctx, caller, request.params.id);
    checkLocked(caller, s);
    const meta = objectIn(bodyOf(request), 'meta');
    const entries = Object.entries(meta);
    const [entry] = entries;
    if (entries.length !== 1 || entry === undefined)
      throw novaError('badRequest', 'Request body contains too many items');
    if (entry[0] !== request.params.key)
      throw novaError('badRequest', 'Request body and URI mismatch');
    s.metadata[entry[0]] = scalar(entry[1], entry[0]);
    ctx.store.changed();
    return { meta: { [entry[0]]: s.metadata[entry[0]] } };
  });
  scope.delete<KeyParams>('/servers/:id/metadata/:key', (request, reply) => {
    const caller = ctx.caller(request);
    const s = findServer(ctx, caller, request.params.id);
    checkLocked(caller, s);
    if (!(request.params.key in s.metadata))
      throw novaError('itemNotFound', 'Metadata item was not found');
    delete s.metadata[request.params.key];
    ctx.store.changed();
    return void reply.code(204).send();
  });
  // Addresses without the OS-EXT-IPS extension fields, as Nova's ips view writes them.
  const plain = (serverId: string) =>
    Object.fromEntries(
      Object.entries(addressesOf(ctx, serverId)).map(([net, list]) => [
        net,
        (list as { version: number; addr: string }[]).map((a) => ({
          version: a.version,
          addr: a.addr,
        })),
      ]),
    );
  scope.get<IdParams>('/servers/:id/ips', (request) => {
    const s = findServer(ctx, ctx.caller(request), request.params.id);
    return { addresses: plain(s.id) };
  });
  scope.get<{ Params: { id: string; network: string } }>('/servers/:id/ips/:network', (request) => {
    const s = findServer(ctx, ctx.caller(request), request.params.id);
    const list = plain(s.id)[request.params.network];
    if (list === undefined)
      throw novaError('itemNotFound', 'There is no such network in the server.');
    return { [request.params.network]: list };
  });
};

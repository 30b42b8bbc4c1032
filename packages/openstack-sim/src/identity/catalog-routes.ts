import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { keystoneError } from '../core/errors';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { type CatalogService, buildCatalog, regionId } from './build-catalog';
import { checkPassword, hashPassword, identityOf } from './identity-state';

type Query = Record<string, string | undefined>;

const serviceBody = (base: string, s: CatalogService) => ({
  id: s.id,
  type: s.type,
  name: s.name,
  enabled: true,
  description: '',
  links: { self: `${base}/identity/v3/services/${s.id}` },
});

const passwordChange = z.object({
  user: z.object({ original_password: z.string(), password: z.string().min(1) }),
});

/**
 * The catalog as admin resources (`openstack service|endpoint|region list`), read-only: the
 * simulator's services are fixed. Also the self-service password change.
 */
export const registerCatalogRoutes = (app: FastifyInstance, ctx: SimContext) => {
  // The `{project_id}` template stays in the volumev3 URL, as Keystone stores it.
  const catalog = () => buildCatalog(ctx.baseUrl, '$(project_id)s');
  const links = (base: string, kind: string) => ({
    self: `${base}/identity/v3/${kind}`,
    previous: null,
    next: null,
  });

  app.get('/identity/v3/services', (request) => {
    ctx.caller(request);
    const q = request.query as Query;
    const base = linkBase(request);
    const services = catalog()
      .filter((s) => q.type === undefined || s.type === q.type)
      .filter((s) => q.name === undefined || s.name === q.name)
      .map((s) => serviceBody(base, s));
    return { services, links: links(base, 'services') };
  });

  app.get<{ Params: { id: string } }>('/identity/v3/services/:id', (request) => {
    ctx.caller(request);
    const service = catalog().find((s) => s.id === request.params.id);
    if (service === undefined) {
      throw keystoneError(404, `Could not find service: ${request.params.id}.`);
    }
    return { service: serviceBody(linkBase(request), service) };
  });

  app.get('/identity/v3/endpoints', (request) => {
    ctx.caller(request);
    const q = request.query as Query;
    const base = linkBase(request);
    const endpoints = catalog()
      .filter((s) => q.service_id === undefined || s.id === q.service_id)
      .flatMap((s) =>
        s.endpoints.map((e) => ({
          id: e.id,
          interface: e.interface,
          region: e.region,
          region_id: e.region_id,
          service_id: s.id,
          url: e.url,
          enabled: true,
          links: { self: `${base}/identity/v3/endpoints/${e.id}` },
        })),
      )
      .filter((e) => q.interface === undefined || e.interface === q.interface);
    return { endpoints, links: links(base, 'endpoints') };
  });

  app.get('/identity/v3/regions', (request) => {
    ctx.caller(request);
    const base = linkBase(request);
    return {
      regions: [
        {
          id: regionId,
          description: '',
          parent_region_id: null,
          links: { self: `${base}/identity/v3/regions/${regionId}` },
        },
      ],
      links: links(base, 'regions'),
    };
  });

  app.post<{ Params: { id: string } }>('/identity/v3/users/:id/password', (request, reply) => {
    const caller = ctx.caller(request);
    const id = identityOf(ctx.store.state);
    const user = id.users[request.params.id];
    if (user === undefined) throw keystoneError(404, `Could not find user: ${request.params.id}.`);
    // Keystone's identity:change_password is admin_or_owner (the original password still counts).
    if (caller.userId !== user.id && !caller.isAdmin) {
      throw keystoneError(403, 'You are not authorized to perform the requested action.');
    }
    const parsed = passwordChange.safeParse(request.body);
    if (!parsed.success) throw keystoneError(400, "Invalid input for field 'user'");
    if (!checkPassword(parsed.data.user.original_password, user.passwordHash)) {
      throw keystoneError(401, 'The request you have made requires authentication.');
    }
    user.passwordHash = hashPassword(parsed.data.user.password);
    // Keystone revokes the user's tokens when the password changes.
    for (const t of Object.values(id.tokens)) if (t.userId === user.id) delete id.tokens[t.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};

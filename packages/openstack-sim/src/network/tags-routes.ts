import type { SimContext } from '../core/sim-context';
import { networkSlice, touch, type NetworkSlice } from './network-state';
import { V2, badRequest, notFound, visible, type Scope } from './neutron-http';

/** Neutron's standard-attr-tag API: /{collection}/{id}/tags[/{tag}]. */
const collections: [path: string, table: keyof NetworkSlice, type: string][] = [
  ['networks', 'networks', 'Network'],
  ['subnets', 'subnets', 'Subnet'],
  ['ports', 'ports', 'Port'],
  ['routers', 'routers', 'Router'],
  ['floatingips', 'floatingIps', 'FloatingIP'],
  ['security-groups', 'securityGroups', 'SecurityGroup'],
];

type Tagged = { project_id: string; tags: string[]; updated_at: string; revision_number: number };
type Params = { Params: { id: string; tag?: string } };

export const registerTagRoutes = (app: Scope, ctx: SimContext) => {
  for (const [path, table, type] of collections) {
    const find = (request: Parameters<SimContext['caller']>[0], id: string): Tagged => {
      const caller = ctx.caller(request);
      const rows = networkSlice(ctx)[table] as Record<string, Tagged>;
      const row = rows[id];
      const shared = table === 'networks' && row && 'shared' in row && row.shared === true;
      if (!row || !(visible(caller, row) || shared)) {
        throw notFound(`${type}NotFound`, `${type} ${id} could not be found.`);
      }
      return row;
    };
    const changed = (row: Tagged) => {
      touch(ctx, row);
      ctx.store.changed();
    };
    const base = `${V2}/${path}/:id/tags`;
    app.get<Params>(base, (request) => ({ tags: find(request, request.params.id).tags }));
    app.put<Params>(base, (request) => {
      const row = find(request, request.params.id);
      const tags = (request.body as { tags?: unknown } | undefined)?.tags;
      if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) {
        throw badRequest('Invalid input for tags. Reason: tags must be a list of strings.');
      }
      row.tags = [...new Set(tags as string[])];
      changed(row);
      return { tags: row.tags };
    });
    app.delete<Params>(base, (request, reply) => {
      const row = find(request, request.params.id);
      row.tags = [];
      changed(row);
      return reply.code(204).send();
    });
    app.get<Params>(`${base}/:tag`, (request, reply) => {
      const row = find(request, request.params.id);
      if (!row.tags.includes(request.params.tag ?? '')) {
        throw notFound(
          'TagNotFound',
          `Tag ${request.params.tag ?? ''} could not be found for ${type.toLowerCase()} ${request.params.id}.`,
        );
      }
      return reply.code(204).send();
    });
    app.put<Params>(`${base}/:tag`, (request, reply) => {
      const row = find(request, request.params.id);
      const tag = request.params.tag ?? '';
      if (!row.tags.includes(tag)) row.tags.push(tag);
      changed(row);
      return reply.code(201).send();
    });
    app.delete<Params>(`${base}/:tag`, (request, reply) => {
      const row = find(request, request.params.id);
      const tag = request.params.tag ?? '';
      if (!row.tags.includes(tag)) {
        throw notFound(
          'TagNotFound',
          `Tag ${tag} could not be found for ${type.toLowerCase()} ${request.params.id}.`,
        );
      }
      row.tags = row.tags.filter((t) => t !== tag);
      changed(row);
      return reply.code(204).send();
    });
  }
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OpenStackError } from '../core/errors';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';

/** What placement reads from Nova's slice (src/compute/compute-state.ts), loosely typed. */
type HypervisorView = {
  id: string;
  hostname: string;
  vcpus: number;
  memoryMb: number;
  localGb: number;
};
type ServerView = {
  host: string | null;
  projectId?: string;
  deleted: boolean;
  flavor: { vcpus: number; ram: number; disk: number; ephemeral?: number; swap?: number };
};

const placementError = (status: number, title: string, detail: string) =>
  new OpenStackError(status, {
    errors: [{ status, title, detail, request_id: null, code: 'placement.undefined_code' }],
  });

/** Nova's default allocation ratios for new compute nodes. */
const ratios = { VCPU: 4.0, MEMORY_MB: 1.0, DISK_GB: 1.0 };
const reserved = { VCPU: 0, MEMORY_MB: 512, DISK_GB: 0 };
const maxMicroversion = '1.39';

const hypervisorsOf = (ctx: SimContext): HypervisorView[] => {
  const list = (ctx.store.state.compute as { hypervisors?: HypervisorView[] }).hypervisors;
  return Array.isArray(list) ? list : [];
};

const usagesOf = (ctx: SimContext, match: (s: ServerView) => boolean) => {
  const servers = (ctx.store.state.compute as { servers?: ServerView[] }).servers ?? [];
  const usage = { VCPU: 0, MEMORY_MB: 0, DISK_GB: 0 };
  for (const s of servers) {
    if (s.deleted || s.host === null || !match(s)) continue;
    usage.VCPU += s.flavor.vcpus;
    usage.MEMORY_MB += s.flavor.ram;
    usage.DISK_GB += s.flavor.disk + (s.flavor.ephemeral ?? 0);
  }
  return usage;
};

const inventoriesOf = (hv: HypervisorView) => {
  const totals = { VCPU: hv.vcpus, MEMORY_MB: hv.memoryMb, DISK_GB: hv.localGb };
  return Object.fromEntries(
    (Object.keys(totals) as (keyof typeof totals)[]).map((rc) => [
      rc,
      {
        total: totals[rc],
        reserved: reserved[rc],
        min_unit: 1,
        max_unit: totals[rc],
        step_size: 1,
        allocation_ratio: ratios[rc],
      },
    ]),
  );
};

/** Whether the request asked for `placement 1.<minor>` at least (none is 1.0). */
const atLeast = (request: FastifyRequest, minor: number): boolean => {
  const asked = request.headers['openstack-api-version'];
  const raw = typeof asked === 'string' ? /placement\s+(\S+)/i.exec(asked)?.[1] : undefined;
  if (raw === 'latest') return true;
  const m = raw === undefined ? undefined : /^1\.(\d+)$/.exec(raw);
  return m?.[1] !== undefined && Number(m[1]) >= minor;
};

/** Placement (read-only): one resource provider per simulated hypervisor. */
export const registerPlacement = (app: FastifyInstance, ctx: SimContext) => {
  // 1.14 adds the provider tree fields.
  const provider = (request: FastifyRequest, base: string, hv: HypervisorView) => ({
    uuid: hv.id,
    name: hv.hostname,
    generation: 1,
    ...(atLeast(request, 14) ? { parent_provider_uuid: null, root_provider_uuid: hv.id } : {}),
    links: [
      { rel: 'self', href: `${base}/placement/resource_providers/${hv.id}` },
      { rel: 'inventories', href: `${base}/placement/resource_providers/${hv.id}/inventories` },
      { rel: 'usages', href: `${base}/placement/resource_providers/${hv.id}/usages` },
    ],
  });
  const find = (id: string) => {
    const hv = hypervisorsOf(ctx).find((h) => h.id === id);
    if (hv === undefined) {
      throw placementError(404, 'Not Found', `No resource provider with uuid ${id} found`);
    }
    return hv;
  };

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/placement')) {
      reply.header('openstack-api-version', `placement ${maxMicroversion}`);
    }
    done(null, payload);
  });
  const root = (request: FastifyRequest) => ({
    versions: [
      {
        id: 'v1.0',
        max_version: maxMicroversion,
        min_version: '1.0',
        status: 'CURRENT',
        links: [{ rel: 'self', href: `${linkBase(request)}/placement/` }],
      },
    ],
  });
  app.get('/placement', root);
  app.get('/placement/', root);
  app.get('/placement/resource_providers', (request) => {
    ctx.caller(request);
    const q = request.query as Record<string, string | undefined>;
    const base = linkBase(request);
    const items = hypervisorsOf(ctx)
      .filter((h) => q.name === undefined || h.hostname === q.name)
      .filter((h) => q.uuid === undefined || h.id === q.uuid);
    return { resource_providers: items.map((h) => provider(request, base, h)) };
  });
  app.get<{ Params: { id: string } }>('/placement/resource_providers/:id', (request) => {
    ctx.caller(request);
    return provider(request, linkBase(request), find(request.params.id));
  });
  app.get<{ Params: { id: string } }>(
    '/placement/resource_providers/:id/inventories',
    (request) => {
      ctx.caller(request);
      const hv = find(request.params.id);
      return { resource_provider_generation: 1, inventories: inventoriesOf(hv) };
    },
  );
  app.get<{ Params: { id: string } }>('/placement/resource_providers/:id/usages', (request) => {
    ctx.caller(request);
    const hv = find(request.params.id);
    return {
      resource_provider_generation: 1,
      usages: usagesOf(ctx, (s) => s.host === hv.hostname),
    };
  });
  // GET /usages is per project (and optionally user) in the real API.
  app.get('/placement/usages', (request) => {
    ctx.caller(request);
    const projectId = (request.query as Record<string, string | undefined>).project_id;
    if (projectId === undefined) {
      throw placementError(400, 'Bad Request', "'project_id' is a required property");
    }
    return { usages: usagesOf(ctx, (s) => s.projectId === projectId) };
  });
};

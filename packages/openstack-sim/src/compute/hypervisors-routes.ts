import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, type Hypervisor } from './compute-state';
import { atLeast, requireAdmin } from './nova-http';
import { hostUsage, liveServers } from './server-service';

/** Nova's hypervisor view (nova/api/openstack/compute/hypervisors.py, Zed): 2.28 parses
 * cpu_info, 2.53 uses uuids, 2.75 always lists servers when asked, 2.88 drops the usage fields. */
const hypervisorView = (
  ctx: SimContext,
  request: FastifyRequest,
  h: Hypervisor,
  detail: boolean,
  extra: { servers?: boolean } = {},
) => {
  const uuids = atLeast(request, 53);
  const id = uuids ? h.id : computeOf(ctx).hypervisors.indexOf(h) + 1;
  const view: Record<string, unknown> = {
    id,
    hypervisor_hostname: h.hostname,
    state: h.state,
    status: h.status,
  };
  if (detail) {
    Object.assign(view, {
      hypervisor_type: 'QEMU',
      hypervisor_version: 8002000,
      host_ip: h.hostIp,
      service: { id, host: h.hostname, disabled_reason: null },
    });
    if (!atLeast(request, 88)) Object.assign(view, usageOf(ctx, request, h));
    // 2.88 shows the uptime in every detailed view (null where the driver cannot tell).
    if (atLeast(request, 88)) view.uptime = uptimeOf(ctx);
  }
  const servers = liveServers(ctx)
    .filter((s) => s.host === h.hostname)
    .map((s) => ({ name: `instance-${s.id.slice(0, 8)}`, uuid: s.id }));
  if (servers.length > 0 && extra.servers === true) view.servers = servers;
  else if (extra.servers === true && atLeast(request, 75)) view.servers = [];
  return view;
};

const usageOf = (ctx: SimContext, request: FastifyRequest, h: Hypervisor) => {
  const used = hostUsage(ctx, h.hostname);
  const cpu = {
    arch: 'x86_64',
    model: 'Cascadelake-Server',
    vendor: 'Intel',
    topology: { cores: h.vcpus / 2, threads: 2, sockets: 1 },
    features: ['sse4.2', 'avx2'],
  };
  return {
    vcpus: h.vcpus,
    memory_mb: h.memoryMb,
    local_gb: h.localGb,
    vcpus_used: used.vcpus,
    memory_mb_used: used.ram + 512,
    local_gb_used: used.disk,
    free_ram_mb: h.memoryMb - used.ram - 512,
    free_disk_gb: h.localGb - used.disk,
    current_workload: 0,
    running_vms: liveServers(ctx).filter((s) => s.host === h.hostname).length,
    disk_available_least: h.localGb - used.disk,
    cpu_info: atLeast(request, 28) ? cpu : JSON.stringify(cpu),
  };
};

const uptimeOf = (ctx: SimContext) => {
  const t = ctx.now().toISOString().slice(11, 19);
  return ` ${t} up 12 days,  3:04,  0 users,  load average: 0.10, 0.12, 0.09`;
};

const notFound = (what: string) =>
  novaError('itemNotFound', `No hypervisor matching '${what}' could be found.`);

export const registerHypervisorRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  const admin = (request: FastifyRequest, what: string) =>
    requireAdmin(ctx.caller(request), `os_compute_api:os-hypervisors:${what}`);
  const list = () => computeOf(ctx).hypervisors;
  const byId = (id: string) => {
    const h =
      list().find((x) => x.id === id) ?? (/^\d+$/.test(id) ? list()[Number(id) - 1] : undefined);
    if (!h) throw novaError('itemNotFound', `Hypervisor with ID ${id} could not be found.`);
    return h;
  };
  const filtered = (request: FastifyRequest) => {
    const q = (request.query ?? {}) as Record<string, string>;
    const pattern = q.hypervisor_hostname_pattern;
    if (pattern === undefined) return list();
    const found = list().filter((h) => h.hostname.includes(pattern));
    if (found.length === 0) throw notFound(pattern);
    return found;
  };
  const withServers = (request: FastifyRequest) =>
    atLeast(request, 53) && (request.query as Record<string, string>).with_servers === 'true';
  scope.get('/os-hypervisors', (request) => {
    admin(request, 'list');
    const servers = withServers(request);
    return {
      hypervisors: filtered(request).map((h) =>
        hypervisorView(ctx, request, h, false, { servers }),
      ),
    };
  });
  scope.get('/os-hypervisors/detail', (request) => {
    admin(request, 'list-detail');
    const servers = withServers(request);
    return {
      hypervisors: filtered(request).map((h) => hypervisorView(ctx, request, h, true, { servers })),
    };
  });
  scope.get('/os-hypervisors/statistics', (request) => {
    admin(request, 'statistics');
    if (atLeast(request, 88)) throw novaError('itemNotFound', 'The resource could not be found.');
    const views = list().map((h) => usageOf(ctx, request, h) as unknown as Record<string, number>);
    const sum = (k: string) => views.reduce((n, v) => n + (v[k] ?? 0), 0);
    const keys = [
      'vcpus',
      'memory_mb',
      'local_gb',
      'vcpus_used',
      'memory_mb_used',
      'local_gb_used',
    ];
    const more = [
      'free_ram_mb',
      'free_disk_gb',
      'current_workload',
      'running_vms',
      'disk_available_least',
    ];
    return {
      hypervisor_statistics: {
        count: views.length,
        ...Object.fromEntries([...keys, ...more].map((k) => [k, sum(k)])),
      },
    };
  });
  scope.get<{ Params: { id: string } }>('/os-hypervisors/:id', (request) => {
    admin(request, 'show');
    const h = byId(request.params.id);
    const servers = withServers(request);
    return { hypervisor: hypervisorView(ctx, request, h, true, { servers }) };
  });
  scope.get<{ Params: { id: string } }>('/os-hypervisors/:id/uptime', (request) => {
    admin(request, 'uptime');
    if (atLeast(request, 88)) throw novaError('itemNotFound', 'The resource could not be found.');
    const h = byId(request.params.id);
    return { hypervisor: { ...hypervisorView(ctx, request, h, false), uptime: uptimeOf(ctx) } };
  });
  // search and servers: by host name pattern, removed at 2.53 (use the list's query instead).
  for (const [suffix, servers] of [
    ['search', false],
    ['servers', true],
  ] as const)
    scope.get<{ Params: { name: string } }>(`/os-hypervisors/:name/${suffix}`, (request) => {
      admin(request, suffix);
      if (atLeast(request, 53)) throw novaError('itemNotFound', 'The resource could not be found.');
      const found = list().filter((h) => h.hostname.includes(request.params.name));
      if (found.length === 0) throw notFound(request.params.name);
      return { hypervisors: found.map((h) => hypervisorView(ctx, request, h, false, { servers })) };
    });
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, type Server } from './compute-state';
import { migrationsOf, type Migration } from './migration-records';
import { atLeast, firstOf, query, requireAdmin } from './nova-http';

/**
 * Nova's only formats, read as UTC: `YYYY-MM-DDTHH:MM:SS`, `YYYY-MM-DDTHH:MM:SS.ffffff` or
 * `YYYY-MM-DD HH:MM:SS.ffffff`; anything else (a zone, a bare date) is a 400.
 */
const parseTime = (raw: string | undefined, fallback: Date): Date => {
  if (raw === undefined || raw === '') return fallback;
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2})(\.\d{1,6})?| (\d{2}:\d{2}:\d{2})(\.\d{1,6}))$/.exec(
      raw,
    );
  const d =
    m === null ? null : new Date(`${m[1]}T${m[2] ?? m[4]}${(m[3] ?? m[5] ?? '').slice(0, 4)}Z`);
  if (d === null || Number.isNaN(d.getTime()))
    throw novaError('badRequest', 'Invalid datetime string: Datetime is in invalid format');
  return d;
};
const naive = (d: Date) => d.toISOString().replace('Z', '');

/** One server's usage in [start, end): os-simple-tenant-usage's `server_usages` element. */
const serverUsage = (s: Server, start: Date, end: Date, now: Date) => {
  const began = new Date(s.launchedAt ?? s.createdAt);
  const ended = s.terminatedAt === null ? null : new Date(s.terminatedAt);
  const from = Math.max(began.getTime(), start.getTime());
  const to = Math.min((ended ?? end).getTime(), end.getTime());
  const hours = Math.max(0, to - from) / 3_600_000;
  return {
    instance_id: s.id,
    name: s.name,
    hours,
    memory_mb: s.flavor.ram,
    local_gb: s.flavor.disk,
    vcpus: s.flavor.vcpus,
    tenant_id: s.projectId,
    flavor: s.flavor.name,
    started_at: naive(began),
    ended_at: ended === null ? null : naive(ended),
    state: s.deleted ? 'terminated' : s.vmState,
    uptime: Math.floor(((ended ?? now).getTime() - began.getTime()) / 1000),
  };
};

const tenantUsage = (
  projectId: string,
  servers: ReturnType<typeof serverUsage>[],
  start: Date,
  end: Date,
  detailed: boolean,
) => ({
  tenant_id: projectId,
  total_local_gb_usage: servers.reduce((n, s) => n + s.local_gb * s.hours, 0),
  total_vcpus_usage: servers.reduce((n, s) => n + s.vcpus * s.hours, 0),
  total_memory_mb_usage: servers.reduce((n, s) => n + s.memory_mb * s.hours, 0),
  total_hours: servers.reduce((n, s) => n + s.hours, 0),
  start: naive(start),
  stop: naive(end),
  ...(detailed ? { server_usages: servers } : {}),
});

/**
 * Servers alive at some moment of [start, end), grouped by project, as Nova counts them: start and
 * end default to now (start first, so the default window is empty but valid), start must precede
 * end (400), the end is cut to now, and only launched servers with `launched_at < end` and no
 * `terminated_at <= start` count (InstanceList.get_active_by_window_joined).
 */
const usageByProject = (ctx: SimContext, request: FastifyRequest) => {
  const q = query(request);
  const now = ctx.now();
  const start = parseTime(firstOf(q.start), now);
  const asked = parseTime(firstOf(q.end), new Date(now.getTime() + 1));
  if (!(start.getTime() < asked.getTime()))
    throw novaError(
      'badRequest',
      'Invalid start time. The start time cannot occur after the end time.',
    );
  const end = asked.getTime() > now.getTime() ? now : asked;
  const byProject = new Map<string, ReturnType<typeof serverUsage>[]>();
  for (const s of computeOf(ctx).servers) {
    if (s.launchedAt === null) continue;
    const began = new Date(s.launchedAt).getTime();
    const ended = s.terminatedAt === null ? Infinity : new Date(s.terminatedAt).getTime();
    if (began >= end.getTime() || ended <= start.getTime()) continue;
    const list = byProject.get(s.projectId) ?? [];
    list.push(serverUsage(s, start, end, now));
    byProject.set(s.projectId, list);
  }
  return { byProject, start, end };
};

const migrationView = (request: FastifyRequest, m: Migration) => ({
  id: m.id,
  source_node: m.source,
  dest_node: m.dest,
  source_compute: m.source,
  dest_compute: m.dest,
  dest_host: m.dest === null ? null : '192.168.122.10',
  status: m.status,
  instance_uuid: m.serverId,
  old_instance_type_id: Number(m.oldFlavorId) || 1,
  new_instance_type_id: Number(m.newFlavorId) || 1,
  created_at: m.createdAt.replace('Z', ''),
  updated_at: m.updatedAt?.replace('Z', '') ?? null,
  ...(atLeast(request, 23) ? { migration_type: m.type } : {}),
  ...(atLeast(request, 59) ? { uuid: m.uuid } : {}),
  ...(atLeast(request, 80) ? { user_id: m.userId, project_id: m.projectId } : {}),
});

/** os-simple-tenant-usage (`openstack usage list/show`) and os-migrations (`server migration list`). */
export const registerUsageRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  scope.get('/os-simple-tenant-usage', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-simple-tenant-usage:list');
    const detailed = firstOf(query(request).detailed) === '1';
    const { byProject, start, end } = usageByProject(ctx, request);
    return {
      tenant_usages: [...byProject].map(([p, servers]) =>
        tenantUsage(p, servers, start, end, detailed),
      ),
    };
  });
  scope.get<{ Params: { projectId: string } }>('/os-simple-tenant-usage/:projectId', (request) => {
    const caller = ctx.caller(request);
    const { projectId } = request.params;
    if (!caller.isAdmin && caller.projectId !== projectId)
      throw novaError(
        'forbidden',
        "Policy doesn't allow os_compute_api:os-simple-tenant-usage:show to be performed.",
      );
    const { byProject, start, end } = usageByProject(ctx, request);
    const servers = byProject.get(projectId);
    return {
      tenant_usage: servers === undefined ? {} : tenantUsage(projectId, servers, start, end, true),
    };
  });
  scope.get('/os-migrations', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-migrations:index');
    const q = query(request);
    const type = firstOf(q.migration_type);
    const server = firstOf(q.instance_uuid);
    return {
      migrations: migrationsOf(ctx)
        .filter(
          (m) =>
            (type === undefined || m.type === type) &&
            (server === undefined || m.serverId === server),
        )
        .map((m) => migrationView(request, m))
        .reverse(),
    };
  });
};

import type { Overview } from '@yunguan/contract';
import { reachOf } from '@yunguan/domain';
import { countResourcesByTypeAndStatus, countTasks } from '../../repositories/overview-repository';
import { listProjectRows } from '../../repositories/project-repository';
import { listTaskRows } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { reachableProjectIds } from '../tasks/project-reach';
import { toTask } from '../tasks/to-task';
import { overviewDatacenters } from './overview-datacenters';
import { overviewQuotas } from './overview-quotas';

const DAY_MS = 24 * 60 * 60 * 1000;
const ROWS = 5;

/**
 * The dashboard within the caller's reach (resource.read): a platform admin sees everything, a
 * department admin their department's projects, a member their projects. Read-only.
 */
export const getOverview = async (ctx: ServiceContext): Promise<Overview> => {
  const projectIds = await reachableProjectIds(ctx.db, ctx.principal, 'resource.read');
  const { rows: projects, total: projectCount } = await listProjectRows(ctx.db, {
    reach: reachOf(ctx.principal, 'resource.read'),
    page: 1,
    pageSize: 200,
  });
  const [resources, quotas, active, recent, activeCount, failedLastDay, datacenters] =
    await Promise.all([
      countResourcesByTypeAndStatus(ctx.db, projectIds),
      overviewQuotas(ctx.db, ctx.principal, projects),
      listTaskRows(ctx.db, { projectIds, status: 'running' }, 1, ROWS),
      listTaskRows(ctx.db, { projectIds }, 1, ROWS),
      countTasks(ctx.db, projectIds, ['queued', 'running']),
      countTasks(ctx.db, projectIds, ['failed'], new Date(ctx.now().getTime() - DAY_MS)),
      overviewDatacenters(ctx.db, ctx.config.tunnel.registry),
    ]);
  const queued =
    active.rows.length < ROWS
      ? await listTaskRows(ctx.db, { projectIds, status: 'queued' }, 1, ROWS - active.rows.length)
      : { rows: [] };
  return {
    reach: projectIds === null ? 'platform' : 'projects',
    projectCount,
    resources,
    quotas,
    tasks: {
      active: [...active.rows, ...queued.rows].map((r) => toTask(r)),
      recent: recent.rows.map((r) => toTask(r)),
      activeCount,
      failedLastDay,
    },
    datacenters,
    generatedAt: ctx.now().toISOString(),
  };
};

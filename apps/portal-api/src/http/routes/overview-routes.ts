import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { getOverview } from '../../services/overview/get-overview';
import { localiseTask } from '../../services/tasks/to-task';
import type { AppDeps } from '../deps';
import { localeOf } from '../locale';
import { registerContract } from '../register-contract';

export const registerOverviewRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.getOverview, async ({ ctx, request }) => {
    const overview = await getOverview(ctx);
    const locale = localeOf(request);
    return {
      ...overview,
      tasks: {
        ...overview.tasks,
        active: overview.tasks.active.map((t) => localiseTask(t, locale)),
        recent: overview.tasks.recent.map((t) => localiseTask(t, locale)),
      },
    };
  });
};

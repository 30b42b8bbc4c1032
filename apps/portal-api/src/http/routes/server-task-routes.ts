import { Readable } from 'node:stream';
import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { actOnServer } from '../../services/servers/act-on-server';
import { createServer } from '../../services/servers/create-server';
import { deleteServer } from '../../services/servers/delete-server';
import { checkServerExport, exportServersCsv } from '../../services/servers/export-servers-csv';
import { getServer } from '../../services/servers/get-server';
import { listServers } from '../../services/servers/list-servers';
import { getTask } from '../../services/tasks/get-task';
import { listTasks } from '../../services/tasks/list-tasks';
import { localiseTask } from '../../services/tasks/to-task';
import type { AppDeps } from '../deps';
import { localeOf } from '../locale';
import { registerContract, SENT } from '../register-contract';
import { accepted, headerKey, withKey, withTasks } from './route-kit';

export const registerServerAndTaskRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.createServer, async ({ ctx, params, body, request }) => {
    const tasks = (await createServer(ctx, params.projectId, withKey(body, request))).map((t) =>
      localiseTask(t, localeOf(request)),
    );
    return { task: tasks[0]!, tasks };
  });
  registerContract(app, deps, c.listServers, async ({ ctx, params, query, reply }) => {
    if (query.format !== 'csv') return listServers(ctx, params.projectId, query);
    await checkServerExport(ctx, params.projectId); // permission before any byte is sent
    const stamp = ctx.now().toISOString().slice(0, 19).replace(/[:T]/g, '');
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="servers-${stamp}.csv"`)
      .send(Readable.from(exportServersCsv(ctx, params.projectId, query)));
    return SENT;
  });
  registerContract(app, deps, c.getServer, async ({ ctx, params, request }) =>
    withTasks(request, await getServer(ctx, params.id)),
  );
  registerContract(app, deps, c.actOnServer, ({ ctx, params, body, request }) =>
    accepted(request, actOnServer(ctx, params.id, withKey(body, request))),
  );
  registerContract(app, deps, c.deleteServer, ({ ctx, params, request }) =>
    accepted(request, deleteServer(ctx, params.id, headerKey(request))),
  );
  registerContract(app, deps, c.getTask, async ({ ctx, params, request }) =>
    localiseTask(await getTask(ctx, params.id), localeOf(request)),
  );
  registerContract(app, deps, c.listTasks, async ({ ctx, query, request }) => {
    const page = await listTasks(ctx, query);
    const locale = localeOf(request);
    return { ...page, items: page.items.map((t) => localiseTask(t, locale)) };
  });
};

import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { exportAuditCsv } from '../../services/audit/export-audit-csv';
import { getAuditEvent } from '../../services/audit/get-audit-event';
import { auditFilterFor, listAuditEvents } from '../../services/audit/list-audit-events';
import { createQuota } from '../../services/quotas/create-quota';
import { deleteQuota } from '../../services/quotas/delete-quota';
import { getQuota } from '../../services/quotas/get-quota';
import { listQuotas } from '../../services/quotas/list-quotas';
import { updateQuota } from '../../services/quotas/update-quota';
import type { AppDeps } from '../deps';
import { registerContract, SENT } from '../register-contract';

export const registerQuotaAndAuditRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listQuotas, async ({ ctx, query }) => ({
    items: await listQuotas(ctx, query),
  }));
  registerContract(app, deps, c.getQuota, ({ ctx, params }) => getQuota(ctx, params.id));
  registerContract(app, deps, c.createQuota, ({ ctx, body }) => createQuota(ctx, body));
  registerContract(app, deps, c.updateQuota, ({ ctx, params, body }) =>
    updateQuota(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteQuota, async ({ ctx, params }) => {
    await deleteQuota(ctx, params.id);
    return null;
  });
  registerContract(app, deps, c.listAuditEvents, async ({ ctx, query, reply }) => {
    if (query.format !== 'csv') return listAuditEvents(ctx, query);
    auditFilterFor(ctx, query); // permission check before any byte is sent
    const stamp = ctx.now().toISOString().slice(0, 19).replace(/[:T]/g, '');
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
      .send(Readable.from(exportAuditCsv(ctx, query)));
    return SENT;
  });
  registerContract(app, deps, c.getAuditEvent, ({ ctx, params }) => getAuditEvent(ctx, params.id));
};

import { Readable } from 'node:stream';
import * as c from '@yunguan/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  checkResourceExport,
  exportResourcesCsv,
  type CsvColumns,
} from '../../services/resources/export-resources-csv';
import type { ServiceContext } from '../../services/context';
import { localiseTask } from '../../services/tasks/to-task';
import { localeOf } from '../locale';
import { SENT } from '../register-contract';
import { parseInput } from '../validate';

/** The Idempotency-Key header (routes let a body field win when both are sent). */
export const headerKey = (request: FastifyRequest): string | undefined => {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  return parseInput(
    c.idempotencyKeySchema,
    Array.isArray(value) ? value[0] : value,
    localeOf(request),
    'headers.idempotency-key',
  );
};

/** ?format=csv: one kind of the project's objects as CSV, permission checked before any byte. */
export const sendResourceCsv = async (
  ctx: ServiceContext,
  reply: FastifyReply,
  projectId: string,
  kind: c.ResourceKind,
  query: c.ResourceListQuery,
  columns?: CsvColumns,
): Promise<typeof SENT> => {
  await checkResourceExport(ctx, projectId);
  const stamp = ctx.now().toISOString().slice(0, 19).replace(/[:T]/g, '');
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${c.resourcePlural[kind]}-${stamp}.csv"`)
    .send(Readable.from(exportResourcesCsv(ctx, projectId, kind, query, columns)));
  return SENT;
};

/** The body with its idempotency key: the body's field wins, else the Idempotency-Key header. */
export const withKey = <B extends { idempotencyKey?: string | undefined }>(
  body: B,
  request: FastifyRequest,
): B => {
  const key = body.idempotencyKey ?? headerKey(request);
  return key ? { ...body, idempotencyKey: key } : body;
};

/** 202 body of a queued task, in the caller's language. */
export const accepted = async (request: FastifyRequest, task: c.Task | Promise<c.Task>) => ({
  task: localiseTask(await task, localeOf(request)),
});

/** An item with its recent tasks, in the caller's language. */
export const withTasks = <T extends { recentTasks: c.Task[] }>(
  request: FastifyRequest,
  item: T,
): T => ({
  ...item,
  recentTasks: item.recentTasks.map((t) => localiseTask(t, localeOf(request))),
});

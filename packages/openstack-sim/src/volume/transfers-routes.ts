import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cinderError } from '../core/errors';
import { originOf } from '../core/link-base';
import type { SimCaller, SimContext } from '../core/sim-context';
import {
  V3,
  atLeast,
  bodyOf,
  optionalString,
  resourceLinks,
  type IdParams,
  type ProjectParams,
} from './cinder-http';
import { findVolume } from './volume-service';
import { cinderTime, newVolumeId, volumeSlice } from './volume-state';

type Transfer = {
  id: string;
  name: string | null;
  volumeId: string;
  authKey: string;
  sourceProjectId: string;
  createdAt: string;
};

const transfersOf = (ctx: SimContext): Record<string, Transfer> => {
  const slice = volumeSlice(ctx) as ReturnType<typeof volumeSlice> & {
    transfers?: Record<string, Transfer>;
  };
  slice.transfers ??= {};
  return slice.transfers;
};

/**
 * Volume transfers (`openstack volume transfer request …`; dashboards list them beside volumes):
 * os-volume-transfer and, from 3.55, volume-transfers (3.57 adds the project fields).
 */
export const registerTransferRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  const view = (request: FastifyRequest, t: Transfer, detail: boolean, collection: string) => ({
    id: t.id,
    name: t.name,
    volume_id: t.volumeId,
    ...(detail ? { created_at: t.createdAt } : {}),
    ...(detail && collection === 'volume-transfers' && atLeast(request, 3, 57)
      ? { source_project_id: t.sourceProjectId, destination_project_id: null, accepted: false }
      : {}),
    links: resourceLinks(originOf(request, ctx.baseUrl), t.sourceProjectId, collection, t.id),
  });
  const find = (caller: SimCaller, id: string) => {
    const t = transfersOf(ctx)[id];
    if (t === undefined || (!caller.isAdmin && t.sourceProjectId !== caller.projectId))
      throw cinderError('itemNotFound', `Transfer ${id} could not be found.`);
    return t;
  };
  for (const collection of ['os-volume-transfer', 'volume-transfers']) {
    const path = `${base}/${collection}`;
    const gate = (request: FastifyRequest) => {
      if (collection === 'volume-transfers' && !atLeast(request, 3, 55))
        throw cinderError('itemNotFound', 'The resource could not be found.');
      return ctx.caller(request);
    };
    const list = (detail: boolean) => (request: FastifyRequest) => {
      const caller = gate(request);
      const rows = Object.values(transfersOf(ctx)).filter(
        (t) => caller.isAdmin || t.sourceProjectId === caller.projectId,
      );
      return { transfers: rows.map((t) => view(request, t, detail, collection)) };
    };
    app.get<{ Params: ProjectParams }>(path, list(false));
    app.get<{ Params: ProjectParams }>(`${path}/detail`, list(true));
    app.get<{ Params: IdParams }>(`${path}/:id`, (request) => ({
      transfer: view(request, find(gate(request), request.params.id), true, collection),
    }));
    app.post<{ Params: ProjectParams }>(path, (request, reply) => {
      const caller = gate(request);
      const body = bodyOf(request, 'transfer');
      const volume = findVolume(ctx, caller, optionalString(body.volume_id, 'volume_id') ?? '');
      if (volume.status !== 'available')
        throw cinderError(
          'badRequest',
          `Invalid volume: Status of volume must be available, but current status is: ${volume.status}.`,
        );
      const transfer: Transfer = {
        id: newVolumeId(),
        name: optionalString(body.name, 'name') ?? null,
        volumeId: volume.id,
        authKey: randomBytes(8).toString('hex'),
        sourceProjectId: volume.project_id,
        createdAt: cinderTime(ctx),
      };
      transfersOf(ctx)[transfer.id] = transfer;
      volume.status = 'awaiting-transfer';
      ctx.store.changed();
      return reply.code(202).send({
        transfer: { ...view(request, transfer, true, collection), auth_key: transfer.authKey },
      });
    });
    app.delete<{ Params: IdParams }>(`${path}/:id`, (request, reply) => {
      const caller = gate(request);
      const t = find(caller, request.params.id);
      const volume = volumeSlice(ctx).volumes[t.volumeId];
      if (volume?.status === 'awaiting-transfer') volume.status = 'available';
      delete transfersOf(ctx)[t.id];
      ctx.store.changed();
      return reply.code(202).send();
    });
    app.post<{ Params: IdParams }>(`${path}/:id/accept`, (request, reply) => {
      const caller = gate(request);
      const t = transfersOf(ctx)[request.params.id];
      if (t === undefined)
        throw cinderError('itemNotFound', `Transfer ${request.params.id} could not be found.`);
      const key = optionalString(bodyOf(request, 'accept').auth_key, 'auth_key');
      if (key !== t.authKey)
        throw cinderError(
          'badRequest',
          `Invalid auth key: Attempt to transfer ${t.id} with invalid auth key.`,
        );
      const volume = volumeSlice(ctx).volumes[t.volumeId];
      if (volume !== undefined) {
        volume.project_id = caller.projectId;
        volume.user_id = caller.userId;
        volume.status = 'available';
      }
      delete transfersOf(ctx)[t.id];
      ctx.store.changed();
      return reply.code(202).send({
        transfer: {
          id: t.id,
          name: t.name,
          volume_id: t.volumeId,
          links: resourceLinks(originOf(request, ctx.baseUrl), caller.projectId, collection, t.id),
        },
      });
    });
  }
  // GET /volumes/summary (3.12; 3.36 adds the metadata keys and their values).
  app.get<{ Params: ProjectParams }>(`${base}/volumes/summary`, (request) => {
    const caller = ctx.caller(request);
    if (!atLeast(request, 3, 12))
      throw cinderError('itemNotFound', 'Volume summary could not be found.');
    const rows = Object.values(volumeSlice(ctx).volumes).filter(
      (v) => v.project_id === caller.projectId,
    );
    const metadata: Record<string, string[]> = {};
    for (const v of rows)
      for (const [k, value] of Object.entries(v.metadata))
        if (!(metadata[k] ??= []).includes(value)) metadata[k].push(value);
    return {
      'volume-summary': {
        total_size: rows.reduce((n, v) => n + v.size, 0),
        total_count: rows.length,
        ...(atLeast(request, 3, 36) ? { metadata } : {}),
      },
    };
  });
};

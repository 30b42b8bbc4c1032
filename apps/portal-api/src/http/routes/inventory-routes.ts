import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { getDatacenterCredentials } from '../../services/inventory/get-datacenter-credentials';
import { getSyncState } from '../../services/inventory/get-sync-state';
import { putDatacenterCredentials } from '../../services/inventory/put-datacenter-credentials';
import { requestSync } from '../../services/inventory/request-sync';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

/** A datacenter's cloud service account and inventory sync (docs/operator-guide.md). */
export const registerInventoryRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.getDatacenterCredentials, ({ ctx, params }) =>
    getDatacenterCredentials(ctx, params.id),
  );
  registerContract(app, deps, c.putDatacenterCredentials, ({ ctx, params, body }) =>
    putDatacenterCredentials(ctx, params.id, body),
  );
  registerContract(app, deps, c.getSyncState, ({ ctx, params }) => getSyncState(ctx, params.id));
  registerContract(app, deps, c.requestSync, ({ ctx, params, body }) =>
    requestSync(ctx, params.id, body),
  );
};

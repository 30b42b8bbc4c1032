import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { createAppCredential } from '../../services/app-credentials/create-app-credential';
import { deleteAppCredential } from '../../services/app-credentials/delete-app-credential';
import { listAppCredentials } from '../../services/app-credentials/list-app-credentials';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

/** A member's own application credentials (docs/user-guide.md "Application credentials"). */
export const registerAppCredentialRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.createAppCredential, ({ ctx, params, body }) =>
    createAppCredential(ctx, params.projectId, body),
  );
  registerContract(app, deps, c.listAppCredentials, ({ ctx, params, query }) =>
    listAppCredentials(ctx, { projectId: params.projectId, datacenterId: query.datacenterId }),
  );
  registerContract(app, deps, c.deleteAppCredential, async ({ ctx, params, query }) => {
    await deleteAppCredential(ctx, { ...params, datacenterId: query.datacenterId });
    return null;
  });
};

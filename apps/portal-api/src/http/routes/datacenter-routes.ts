import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { enrollAgent } from '../../services/agents/enroll-agent';
import { createDatacenter } from '../../services/datacenters/create-datacenter';
import { createEnrollmentToken } from '../../services/datacenters/create-enrollment-token';
import { deleteDatacenter } from '../../services/datacenters/delete-datacenter';
import { getAgentInfo } from '../../services/datacenters/get-agent-info';
import { getDatacenter } from '../../services/datacenters/get-datacenter';
import { listDatacenters } from '../../services/datacenters/list-datacenters';
import { revokeAgent } from '../../services/datacenters/revoke-agent';
import { updateDatacenter } from '../../services/datacenters/update-datacenter';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

export const registerDatacenterRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listDatacenters, ({ ctx, query }) => listDatacenters(ctx, query));
  registerContract(app, deps, c.getDatacenter, ({ ctx, params }) => getDatacenter(ctx, params.id));
  registerContract(app, deps, c.createDatacenter, ({ ctx, body }) => createDatacenter(ctx, body));
  registerContract(app, deps, c.updateDatacenter, ({ ctx, params, body }) =>
    updateDatacenter(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteDatacenter, async ({ ctx, params }) => {
    await deleteDatacenter(ctx, params.id);
    return null;
  });
  registerContract(app, deps, c.createEnrollmentToken, ({ ctx, params }) =>
    createEnrollmentToken(ctx, params.id),
  );
  registerContract(app, deps, c.revokeAgent, ({ ctx, params }) => revokeAgent(ctx, params.id));
  registerContract(app, deps, c.getAgentInfo, ({ ctx, params }) => getAgentInfo(ctx, params.id));
  registerContract(app, deps, c.enrollAgent, ({ ctx, body }) => enrollAgent(ctx, body));
};

import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { actOnBaremetalNode } from '../../services/baremetal/act-on-baremetal-node';
import { listBaremetalNodes } from '../../services/baremetal/list-baremetal-nodes';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

/** Bare-metal nodes of a datacenter (admin; docs/operator-guide.md "Bare metal"). */
export const registerBaremetalRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listBaremetalNodes, ({ ctx, params }) =>
    listBaremetalNodes(ctx, params.id),
  );
  registerContract(app, deps, c.actOnBaremetalNode, ({ ctx, params, body }) =>
    actOnBaremetalNode(ctx, {
      datacenterId: params.id,
      nodeId: params.nodeId,
      action: body.action,
    }),
  );
};

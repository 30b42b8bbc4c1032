import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { createKeyPair } from '../../services/catalog/create-key-pair';
import { deleteKeyPair } from '../../services/catalog/delete-key-pair';
import { listAggregates } from '../../services/catalog/list-aggregates';
import { listAvailabilityZones } from '../../services/catalog/list-availability-zones';
import { listFlavors } from '../../services/catalog/list-flavors';
import { listHypervisors } from '../../services/catalog/list-hypervisors';
import { listImages } from '../../services/catalog/list-images';
import { listKeyPairs } from '../../services/catalog/list-key-pairs';
import { listNetworks } from '../../services/catalog/list-networks';
import { listSecurityGroups } from '../../services/catalog/list-security-groups';
import { listServerGroups } from '../../services/catalog/list-server-groups';
import { listUsableDatacenters } from '../../services/catalog/list-usable-datacenters';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

/** A datacenter's catalog, read through its tunnel (docs/user-guide.md). */
export const registerCatalogRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listUsableDatacenters, ({ ctx }) => listUsableDatacenters(ctx));
  registerContract(app, deps, c.listFlavors, ({ ctx, params }) => listFlavors(ctx, params.id));
  registerContract(app, deps, c.listAvailabilityZones, ({ ctx, params }) =>
    listAvailabilityZones(ctx, params.id),
  );
  registerContract(app, deps, c.listImages, ({ ctx, params, query }) =>
    listImages(ctx, params.id, query.projectId),
  );
  registerContract(app, deps, c.listNetworks, ({ ctx, params, query }) =>
    listNetworks(ctx, params.id, query.projectId),
  );
  registerContract(app, deps, c.listSecurityGroups, ({ ctx, params, query }) =>
    listSecurityGroups(ctx, params.id, query.projectId),
  );
  registerContract(app, deps, c.listServerGroups, ({ ctx, params, query }) =>
    listServerGroups(ctx, params.id, query.projectId),
  );
  registerContract(app, deps, c.listKeyPairs, ({ ctx, params, query }) =>
    listKeyPairs(ctx, params.id, query.projectId),
  );
  registerContract(app, deps, c.createKeyPair, ({ ctx, params, body }) =>
    createKeyPair(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteKeyPair, async ({ ctx, params, query }) => {
    await deleteKeyPair(ctx, params.id, { projectId: query.projectId, name: params.name });
    return null;
  });
  registerContract(app, deps, c.listHypervisors, ({ ctx, params }) =>
    listHypervisors(ctx, params.id),
  );
  registerContract(app, deps, c.listAggregates, ({ ctx, params }) =>
    listAggregates(ctx, params.id),
  );
};

import {
  CloudError,
  defineCloudProvider,
  idempotencyMetadataKey,
  isCloudError,
  type AnyOperationHandle,
  type CallOptions,
  type CoreCapability,
  type OperationHandle,
  type OperationProgress,
  type Scope,
  type ServerDto,
} from '@yunguan/cloud-core';
import { appCredentialVerbs } from './adapter/app-credentials';
import { baremetalVerbs } from './adapter/baremetal';
import { discoverCapabilities } from './adapter/discover-capabilities';
import { ensureTenant } from './adapter/ensure-tenant';
import { followServerOperation } from './adapter/follow-operation';
import { followResourceOperation } from './adapter/follow-resource-operation';
import { firewallVerbs } from './adapter/network-firewall';
import { loadBalancerVerbs } from './adapter/network-load-balancers';
import { imageVerbs } from './adapter/images';
import { networkVerbs } from './adapter/network-verbs';
import { storageVerbs } from './adapter/storage-verbs';
import { keyNameIn, keyNameOut, ownsKeyName } from './adapter/keypair-names';
import { novaAction } from './adapter/server-actions';
import { serverSpecOf } from './adapter/server-spec';
import {
  toAggregateDto,
  toAvailabilityZoneDto,
  toFlavorDto,
  toHypervisorDto,
  toImageDto,
  toKeyPairDto,
  toNetworkDto,
  toSecurityGroupDto,
  toServerDto,
  toServerGroupDto,
} from './adapter/to-dto';
import { ProviderClient, type AuthOptions } from './provider-client';
import { serviceClients, type Call } from './service-client';
import { listAggregates } from './services/compute/v2/aggregates/requests';
import { listAvailabilityZones } from './services/compute/v2/availability-zones/requests';
import { listFlavors } from './services/compute/v2/flavors/requests';
import { listHypervisors } from './services/compute/v2/hypervisors/requests';
import {
  createKeypair,
  deleteKeypair,
  listKeypairs,
} from './services/compute/v2/keypairs/requests';
import { createRemoteConsole } from './services/compute/v2/remote-consoles/requests';
import { listServerGroups } from './services/compute/v2/server-groups/requests';
import {
  createServer,
  deleteServer,
  getServer,
  listServers,
  serverAction,
} from './services/compute/v2/servers/requests';
import { listImages } from './services/image/v2/images/requests';
import { listNetworks } from './services/network/v2/networks/requests';
import { listSecurityGroups } from './services/network/v2/security-groups/requests';

export type OpenStackProviderConfig = AuthOptions;

const handle = (
  scope: Scope,
  externalId: string,
  rest: Pick<OperationHandle, 'kind' | 'settlesOn'> & Partial<OperationHandle>,
): OperationHandle => ({
  resourceType: 'server',
  externalId,
  projectExternalId: scope.projectExternalId,
  startedAt: new Date().toISOString(),
  ...rest,
});

/** What the core of an OpenStack region offers: every server action Nova has. */
const coreCapabilities = [
  'server.create',
  'server.boot-from-volume',
  'server.user-data',
  'server.server-group',
  'server.start-stop',
  'server.reboot',
  'server.resize',
  'server.rebuild',
  'server.snapshot',
  'server.lock',
  'server.suspend',
  'server.pause',
  'server.migrate',
  'server.live-migrate',
  'flavor.manage',
  'inventory.changes-since',
] as const satisfies readonly CoreCapability[];

/**
 * The CloudProvider of one OpenStack region, acting as one Keystone service account: the core
 * and every sub-port (discovery narrows what a region's catalog and Neutron extensions lack).
 */
export const createOpenStackProvider = (config: OpenStackProviderConfig) => {
  const provider = new ProviderClient(config);
  const services = serviceClients(provider);
  const { compute, network, image, identity, baremetal } = services;
  const admin = (options?: CallOptions): Call => ({ scope: 'default', options });
  const inProject = (scope: Scope, options?: CallOptions): Call => ({
    scope: { projectId: scope.projectExternalId },
    options,
  });

  /** An admin-role token sees every project's server: keep the scope's own only. */
  const serverOf = async (scope: Scope, id: string, options?: CallOptions) => {
    const server = await getServer(compute, inProject(scope, options), id);
    // Real Nova may still answer a just-deleted server (status DELETED) to an admin-role token.
    if (server.tenant_id !== scope.projectExternalId || server.status === 'DELETED') {
      throw new CloudError({
        kind: 'not-found',
        provider: 'openstack',
        service: 'compute',
        method: 'GET',
        url: `servers/${id}`,
        expected: [200],
        actual: 200,
        upstreamMessage:
          server.status === 'DELETED'
            ? `Server ${id} is deleted.`
            : `Server ${id} is not in project ${scope.projectExternalId}.`,
      });
    }
    return server;
  };

  const { getImage: getImageDetail, ...imageManagement } = imageVerbs(image);
  const blockStorage = storageVerbs(services);
  const loadBalancing = loadBalancerVerbs(services.loadBalancer);

  return defineCloudProvider({
    kind: 'openstack',
    coreCapabilities,

    ensureTenant: (tenant, options) => ensureTenant(provider, identity, tenant, options),

    listAvailabilityZones: async (options) =>
      (await listAvailabilityZones(compute, admin(options))).map(toAvailabilityZoneDto),
    listFlavors: async (options) => (await listFlavors(compute, admin(options))).map(toFlavorDto),

    listImages: async (scope, options) =>
      (await listImages(image, inProject(scope, options)))
        .filter((i) => i.visibility === 'public' || i.owner === scope.projectExternalId)
        .map(toImageDto),
    getImage: getImageDetail,

    listNetworks: async (scope, options) =>
      (await listNetworks(network, inProject(scope, options)))
        .filter(
          (n) =>
            (n.project_id ?? n.tenant_id) === scope.projectExternalId ||
            n.shared ||
            n['router:external'] === true,
        )
        .map(toNetworkDto),

    listSecurityGroups: async (scope, options) =>
      (
        await listSecurityGroups(network, inProject(scope, options), {
          project_id: scope.projectExternalId,
        })
      ).map(toSecurityGroupDto),

    listServerGroups: async (scope, options) =>
      (await listServerGroups(compute, inProject(scope, options))).map(toServerGroupDto),

    getServer: async (scope, id, options) => toServerDto(await serverOf(scope, id, options)),

    createServer: async (scope, spec, options) => {
      const created = await createServer(
        compute,
        inProject(scope, options),
        serverSpecOf(scope, spec),
      );
      return handle(scope, created.id, { kind: 'server.create', settlesOn: ['active'] });
    },

    actOnServer: async (scope, id, action, options) => {
      await serverOf(scope, id, options);
      const nova = novaAction(action);
      const imageId = await serverAction(compute, inProject(scope, options), id, nova.body);
      return handle(scope, id, {
        kind: 'server.action',
        action: action.type,
        settlesOn: nova.settlesOn,
        ...(imageId === undefined ? {} : { createdImageExternalId: imageId }),
      });
    },

    /** Idempotent: a server that is already gone (404) settles at once. */
    deleteServer: async (scope, id, options) => {
      try {
        await deleteServer(compute, inProject(scope, options), id);
      } catch (error) {
        if (!isCloudError(error) || error.kind !== 'not-found') throw error;
      }
      return handle(scope, id, { kind: 'server.delete', settlesOn: ['deleted'] });
    },

    followOperation: async <R extends AnyOperationHandle['resourceType']>(
      op: OperationHandle<R>,
      options?: CallOptions,
    ): Promise<OperationProgress<R>> => {
      const any = op as AnyOperationHandle;
      const progress =
        any.resourceType === 'server'
          ? await followServerOperation(compute, any, options)
          : await followResourceOperation({ blockStorage, loadBalancing }, any, options);
      return progress as OperationProgress<R>;
    },

    findServerByToken: async (scope, token, options): Promise<ServerDto | null> => {
      const servers = await listServers(compute, inProject(scope, options));
      const found = servers.find(
        (s) =>
          s.tenant_id === scope.projectExternalId && s.metadata?.[idempotencyMetadataKey] === token,
      );
      return found === undefined ? null : toServerDto(found);
    },

    listAllServers: async (query, options) =>
      (
        await listServers(compute, admin(options), {
          allTenants: true,
          changesSince: query.changesSince,
        })
      ).map(toServerDto),

    discoverCapabilities: (options) => discoverCapabilities(provider, options),

    keyPairs: {
      listKeyPairs: async (scope, options) =>
        (await listKeypairs(compute, inProject(scope, options)))
          .filter((k) => ownsKeyName(scope, k.name))
          .map((k) => toKeyPairDto({ ...k, name: keyNameOut(scope, k.name) })),
      createKeyPair: async (scope, input, options) => {
        const created = await createKeypair(compute, inProject(scope, options), {
          name: keyNameIn(scope, input.name),
          ...(input.publicKey === undefined ? {} : { public_key: input.publicKey }),
        });
        return toKeyPairDto({ ...created, name: input.name });
      },
      deleteKeyPair: (scope, name, options) =>
        deleteKeypair(compute, inProject(scope, options), keyNameIn(scope, name)),
    },
    console: {
      getServerConsole: async (scope, id, options) => {
        await serverOf(scope, id, options);
        const console = await createRemoteConsole(compute, inProject(scope, options), id, {
          protocol: 'vnc',
          type: 'novnc',
        });
        return { protocol: 'vnc', url: console.url };
      },
    },
    hosts: {
      listHypervisors: async (options) =>
        (await listHypervisors(compute, admin(options))).map(toHypervisorDto),
      listAggregates: async (options) =>
        (await listAggregates(compute, admin(options))).map(toAggregateDto),
    },
    images: imageManagement,
    baremetal: baremetalVerbs(baremetal),
    appCredentials: appCredentialVerbs(config, provider, identity),
    blockStorage,
    network: networkVerbs(services),
    firewall: firewallVerbs(services.network),
    loadBalancing,
  });
};

/** An OpenStack provider: the core and every sub-port, in its type too. */
export type OpenStackProvider = ReturnType<typeof createOpenStackProvider>;

import type { CallOptions } from './call-options';
import type { Capability, CoreCapability, SubPortName, subPortCapabilities } from './capabilities';
import type {
  AppCredentialPort,
  BaremetalPort,
  ConsolePort,
  HostsPort,
  ImagePort,
  KeyPairPort,
} from './compute-ports';
import type {
  AvailabilityZoneDto,
  CreateServerSpec,
  FlavorDto,
  ImageDetailDto,
  ImageDto,
  NetworkDto,
  Scope,
  SecurityGroupDto,
  ServerAction,
  ServerDto,
  ServerGroupDto,
  TenantBinding,
  TenantRef,
} from './dto';
import type { FirewallPort, LoadBalancingPort, NetworkPort } from './network-port';
import type { OperationHandle, OperationProgress, OperationResourceType } from './operation';
import type { BlockStoragePort } from './storage-port';

export type CloudKind = 'openstack' | 'vmware' | 'tencent';

/**
 * The required core of the cloud port: what every cloud the portal manages can do — bind a
 * portal project to a tenant of its own kind, run the server lifecycle, follow long operations,
 * and read its catalog. Every method takes CallOptions, throws CloudError on failure, and never
 * sleeps to poll: long operations come back as an OperationHandle the worker follows.
 */
export interface CloudProviderCore {
  readonly kind: CloudKind;
  /** What this adapter's server lifecycle and catalog offer (sub-ports add their own). */
  readonly coreCapabilities: readonly CoreCapability[];

  /**
   * Make sure the department and project exist in the cloud (created on first use) and say
   * where: `projectExternalId` is what every Scope names; the rest is the adapter's own mapping
   * (Keystone domain for OpenStack, folder / resource pool for vCenter, project tag for
   * Tencent), stored by the portal as it comes back. Idempotent; safe under concurrent callers.
   */
  ensureTenant(tenant: TenantRef, options?: CallOptions): Promise<TenantBinding>;

  listAvailabilityZones(options?: CallOptions): Promise<AvailabilityZoneDto[]>;
  listFlavors(options?: CallOptions): Promise<FlavorDto[]>;
  /** Images the project can use (public, its own, shared with it). */
  listImages(scope: Scope, options?: CallOptions): Promise<ImageDto[]>;
  getImage(scope: Scope, externalId: string, options?: CallOptions): Promise<ImageDetailDto>;
  /** Networks the project can attach to (its own, shared and external). */
  listNetworks(scope: Scope, options?: CallOptions): Promise<NetworkDto[]>;
  /** Security groups a server can join; empty for a cloud without them. */
  listSecurityGroups(scope: Scope, options?: CallOptions): Promise<SecurityGroupDto[]>;
  /** Placement groups a server can join; empty for a cloud without them. */
  listServerGroups(scope: Scope, options?: CallOptions): Promise<ServerGroupDto[]>;

  getServer(scope: Scope, externalId: string, options?: CallOptions): Promise<ServerDto>;
  createServer(
    scope: Scope,
    spec: CreateServerSpec,
    options?: CallOptions,
  ): Promise<OperationHandle>;
  actOnServer(
    scope: Scope,
    externalId: string,
    action: ServerAction,
    options?: CallOptions,
  ): Promise<OperationHandle>;
  /** Idempotent: deleting a server that is already gone settles at once. */
  deleteServer(scope: Scope, externalId: string, options?: CallOptions): Promise<OperationHandle>;
  /**
   * Find a server created with this idempotency token (as metadata), for reconciling a task
   * whose worker died between the create call and recording its answer.
   */
  findServerByToken(scope: Scope, token: string, options?: CallOptions): Promise<ServerDto | null>;
  /** Inventory: every server in the cloud; with `changesSince`, changed ones incl. deleted. */
  listAllServers(query: { changesSince?: Date }, options?: CallOptions): Promise<ServerDto[]>;

  /**
   * One look at a long operation on any resource type; the caller decides when to look again.
   * An adapter refuses (CloudError `bad-request`) a resource type whose sub-port it lacks.
   */
  followOperation<R extends OperationResourceType = 'server'>(
    handle: OperationHandle<R>,
    options?: CallOptions,
  ): Promise<OperationProgress<R>>;

  /**
   * `capabilities` narrowed by what this cloud actually offers (e.g. `baremetal` only when the
   * catalog has a bare-metal endpoint). One authenticated look; cache it per request at most.
   */
  discoverCapabilities(options?: CallOptions): Promise<ReadonlySet<Capability>>;
}

/** The optional parts of the port, by area. An adapter provides the ones its cloud has. */
export type CloudSubPorts = {
  blockStorage: BlockStoragePort;
  network: NetworkPort;
  loadBalancing: LoadBalancingPort;
  firewall: FirewallPort;
  baremetal: BaremetalPort;
  hosts: HostsPort;
  appCredentials: AppCredentialPort;
  console: ConsolePort;
  images: ImagePort;
  keyPairs: KeyPairPort;
};
/** Every sub-port name has its port type, and nothing else is a sub-port. */
export type SubPortsComplete = [SubPortName] extends [keyof CloudSubPorts]
  ? [keyof CloudSubPorts] extends [SubPortName]
    ? true
    : never
  : never;

/**
 * A provider as the portal holds it: the core, any sub-ports, and the capabilities derived from
 * them. A caller must check a sub-port before using it (`provider.blockStorage?.…`): the
 * compiler, not a runtime throw, says that a cloud may lack it.
 */
export interface CloudProvider extends CloudProviderCore, Partial<CloudSubPorts> {
  readonly capabilities: ReadonlySet<Capability>;
}

/** What an adapter hands to defineCloudProvider: the core plus the sub-ports it has. */
export type CloudProviderParts = CloudProviderCore & Partial<CloudSubPorts>;

/** The sub-ports P certainly has (present and not optional in its type). */
export type PresentSubPorts<P> = {
  [K in SubPortName]-?: P extends Record<K, CloudSubPorts[K]> ? K : never;
}[SubPortName];

/** The capabilities a provider of type P has, derived from its type. */
export type CapabilitiesOf<P> =
  | (P extends { readonly coreCapabilities: readonly (infer C)[] } ? C & CoreCapability : never)
  | (typeof subPortCapabilities)[PresentSubPorts<P>][number];

/**
 * What defineCloudProvider returns: the core, exactly the sub-ports P has (typed by the ports,
 * not by the adapter's own functions), and the capabilities they bring.
 */
export type DefinedCloudProvider<P extends CloudProviderParts> = CloudProviderCore &
  Pick<CloudSubPorts, PresentSubPorts<P>> & {
    readonly capabilities: ReadonlySet<CapabilitiesOf<P>>;
  };

/** The idempotency metadata key adapters set on created servers. */
export const idempotencyMetadataKey = 'yunguan_task';

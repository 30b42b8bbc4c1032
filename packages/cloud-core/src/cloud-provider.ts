import type { CallOptions } from './call-options';
import type { Capability } from './capabilities';
import type {
  AggregateDto,
  AppCredentialDto,
  AppCredentialOwner,
  BaremetalNodeDto,
  BaremetalPowerAction,
  BaremetalProvisionAction,
  CreateImageSpec,
  ImageDetailDto,
  ImagePatch,
  AvailabilityZoneDto,
  ConsoleDto,
  CreateServerSpec,
  FlavorDto,
  HypervisorDto,
  ImageDto,
  KeyPairDto,
  NetworkDto,
  Scope,
  SecurityGroupDto,
  ServerAction,
  ServerDto,
  ServerGroupDto,
  TenantBinding,
  TenantRef,
} from './dto';
import type { NetworkPort } from './network-port';
import type { OperationHandle, OperationProgress } from './operation';
import type { StoragePort } from './storage-port';

/**
 * The cloud port. One adapter per cloud implements it; the portal's services and jobs use only
 * this. Every method takes CallOptions, throws CloudError on failure, and never sleeps to poll:
 * long operations come back as an OperationHandle the worker follows.
 */
export interface CloudProvider extends StoragePort, NetworkPort {
  readonly kind: 'openstack' | 'vmware' | 'tencent';
  readonly capabilities: ReadonlySet<Capability>;

  /** Make sure the department and project exist in the cloud (created on first use). */
  ensureTenant(tenant: TenantRef, options?: CallOptions): Promise<TenantBinding>;

  listAvailabilityZones(options?: CallOptions): Promise<AvailabilityZoneDto[]>;
  listFlavors(options?: CallOptions): Promise<FlavorDto[]>;
  /** Images the project can use (public, its own, shared with it). */
  listImages(scope: Scope, options?: CallOptions): Promise<ImageDto[]>;
  /** Networks the project can attach to (its own, shared and external). */
  listNetworks(scope: Scope, options?: CallOptions): Promise<NetworkDto[]>;
  listSecurityGroups(scope: Scope, options?: CallOptions): Promise<SecurityGroupDto[]>;
  listKeyPairs(scope: Scope, options?: CallOptions): Promise<KeyPairDto[]>;
  createKeyPair(
    scope: Scope,
    input: { name: string; publicKey?: string },
    options?: CallOptions,
  ): Promise<KeyPairDto>;
  deleteKeyPair(scope: Scope, name: string, options?: CallOptions): Promise<void>;
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
  getServerConsole(scope: Scope, externalId: string, options?: CallOptions): Promise<ConsoleDto>;
  /** One look at a long operation; the caller decides when to look again. */
  followOperation(handle: OperationHandle, options?: CallOptions): Promise<OperationProgress>;
  /**
   * Find a server created with this idempotency token (as metadata), for reconciling a task
   * whose worker died between the create call and recording its answer.
   */
  findServerByToken(scope: Scope, token: string, options?: CallOptions): Promise<ServerDto | null>;

  /** Inventory: every server in the cloud; with `changesSince`, changed ones incl. deleted. */
  listAllServers(query: { changesSince?: Date }, options?: CallOptions): Promise<ServerDto[]>;

  listHypervisors(options?: CallOptions): Promise<HypervisorDto[]>;
  listAggregates(options?: CallOptions): Promise<AggregateDto[]>;

  /**
   * `capabilities` narrowed by what this cloud actually offers (e.g. `baremetal` only when the
   * catalog has a bare-metal endpoint). One authenticated look; cache it per request at most.
   */
  discoverCapabilities(options?: CallOptions): Promise<ReadonlySet<Capability>>;

  /** Images (capability `image.upload`). */
  createImage(scope: Scope, spec: CreateImageSpec, options?: CallOptions): Promise<ImageDto>;
  /**
   * Stream the bytes of a queued image (never buffered). Pass `timeoutMs` sized for the upload:
   * the adapter's default deadline is for small calls.
   */
  uploadImageData(
    scope: Scope,
    externalId: string,
    body: ReadableStream<Uint8Array>,
    sizeBytes: number | undefined,
    options?: CallOptions,
  ): Promise<void>;
  getImage(scope: Scope, externalId: string, options?: CallOptions): Promise<ImageDetailDto>;
  updateImage(
    scope: Scope,
    externalId: string,
    patch: ImagePatch,
    options?: CallOptions,
  ): Promise<ImageDto>;
  /** A protected image is refused with a `forbidden`/`conflict` CloudError in the cloud's words. */
  deleteImage(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  /** Bare metal (capability `baremetal`, admin). Ironic answers at once; states move later. */
  listBaremetalNodes(options?: CallOptions): Promise<BaremetalNodeDto[]>;
  getBaremetalNode(externalId: string, options?: CallOptions): Promise<BaremetalNodeDto>;
  setBaremetalPower(
    externalId: string,
    action: BaremetalPowerAction,
    options?: CallOptions,
  ): Promise<void>;
  setBaremetalProvision(
    externalId: string,
    action: BaremetalProvisionAction,
    options?: CallOptions,
  ): Promise<void>;
  /**
   * Application credentials (capability `app-credential`): a cloud user of its own per portal
   * user in the project's domain (member role only, never admin), and a credential restricted to
   * the project. The secret is in the create answer only.
   */
  createAppCredential(
    scope: Scope,
    owner: AppCredentialOwner,
    input: { name: string; expiresAt?: string },
    options?: CallOptions,
  ): Promise<AppCredentialDto>;
  listAppCredentials(
    scope: Scope,
    owner: AppCredentialOwner,
    options?: CallOptions,
  ): Promise<AppCredentialDto[]>;
  /** Idempotent: a credential that is already gone is not an error. */
  deleteAppCredential(
    scope: Scope,
    owner: AppCredentialOwner,
    externalId: string,
    options?: CallOptions,
  ): Promise<void>;
}

/** The idempotency metadata key adapters set on created servers. */
export const idempotencyMetadataKey = 'yunguan_task';

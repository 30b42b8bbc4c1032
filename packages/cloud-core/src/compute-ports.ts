import type { CallOptions } from './call-options';
import type {
  AggregateDto,
  AppCredentialDto,
  AppCredentialOwner,
  BaremetalNodeDto,
  BaremetalPowerAction,
  BaremetalProvisionAction,
  ConsoleDto,
  CreateImageSpec,
  HypervisorDto,
  ImageDto,
  ImagePatch,
  KeyPairDto,
  Scope,
} from './dto';

/** Key pairs kept by the cloud (capability `keypair`). */
export interface KeyPairPort {
  listKeyPairs(scope: Scope, options?: CallOptions): Promise<KeyPairDto[]>;
  createKeyPair(
    scope: Scope,
    input: { name: string; publicKey?: string },
    options?: CallOptions,
  ): Promise<KeyPairDto>;
  deleteKeyPair(scope: Scope, name: string, options?: CallOptions): Promise<void>;
}

/** A remote console of a server (capability `server.console`). */
export interface ConsolePort {
  getServerConsole(scope: Scope, externalId: string, options?: CallOptions): Promise<ConsoleDto>;
}

/** Image management (capability `image.upload`); reading images is in the core. */
export interface ImagePort {
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
  updateImage(
    scope: Scope,
    externalId: string,
    patch: ImagePatch,
    options?: CallOptions,
  ): Promise<ImageDto>;
  /** A protected image is refused with a `forbidden`/`conflict` CloudError in the cloud's words. */
  deleteImage(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
}

/** Hosts of the cloud, admin (capabilities `hypervisor.read`, `aggregate.manage`). */
export interface HostsPort {
  listHypervisors(options?: CallOptions): Promise<HypervisorDto[]>;
  listAggregates(options?: CallOptions): Promise<AggregateDto[]>;
}

/** Bare metal (capability `baremetal`, admin). Ironic answers at once; states move later. */
export interface BaremetalPort {
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
}

/**
 * Application credentials (capability `app-credential`): a cloud user of its own per portal
 * user in the project's tenant (member role only, never admin), and a credential restricted to
 * the project. The secret is in the create answer only.
 */
export interface AppCredentialPort {
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

/**
 * Our own DTOs: what every adapter returns and takes. Never an SDK type. External ids are the
 * cloud's ids; portal ids never cross this port. Times are ISO strings.
 */

/** A department and project as the portal knows them; adapters map them to cloud tenants. */
export type TenantRef = {
  departmentId: string;
  departmentName: string;
  projectId: string;
  projectName: string;
};

/**
 * Where a portal project lives in one cloud: `projectExternalId` (what every Scope names) and
 * the adapter's own mapping beside it — for OpenStack `domainExternalId` (the Keystone domain);
 * a vCenter folder / resource pool or a Tencent project tag for the others. Each adapter exports
 * the zod schema of its binding; the portal stores the rest as JSON.
 */
export type TenantBinding = { readonly projectExternalId: string } & Readonly<
  Record<string, string>
>;

/** Every project-scoped call names the cloud project it acts in. */
export type Scope = { projectExternalId: string };

export const serverStatuses = [
  'building',
  'active',
  'stopped',
  'paused',
  'suspended',
  'shelved',
  'rebooting',
  'resizing',
  'verify-resize',
  'reverting-resize',
  'migrating',
  'rebuilding',
  'deleting',
  'deleted',
  'error',
  'unknown',
] as const;
export type ServerStatus = (typeof serverStatuses)[number];

export type ServerAddress = {
  network: string;
  ip: string;
  version: 4 | 6;
  type: 'fixed' | 'floating';
  mac: string | null;
};

export type ServerDto = {
  externalId: string;
  name: string;
  status: ServerStatus;
  /** The cloud's own words, e.g. `ACTIVE` / `resize_migrating`, for operators. */
  rawStatus: string;
  taskState: string | null;
  projectExternalId: string;
  flavor: { externalId: string | null; name: string; vcpus: number; ramMb: number; diskGb: number };
  imageExternalId: string | null;
  availabilityZone: string | null;
  /** Only visible to administrators of the cloud; null otherwise. */
  host: string | null;
  addresses: ServerAddress[];
  keyName: string | null;
  securityGroups: string[];
  volumeExternalIds: string[];
  locked: boolean;
  fault: { code: number; message: string } | null;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
};

export type FlavorDto = {
  externalId: string;
  name: string;
  vcpus: number;
  ramMb: number;
  diskGb: number;
  ephemeralGb: number;
  swapMb: number;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
};

export type ImageDto = {
  externalId: string;
  name: string;
  status: string;
  diskFormat: string | null;
  containerFormat: string | null;
  sizeBytes: number | null;
  visibility: 'public' | 'private' | 'shared' | 'community';
  protected: boolean;
  minDiskGb: number;
  minRamMb: number;
  ownerExternalId: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
};

export type NetworkDto = {
  externalId: string;
  name: string;
  status: string;
  projectExternalId: string;
  external: boolean;
  shared: boolean;
  adminStateUp: boolean;
  mtu: number | null;
  providerType: string | null;
  subnetExternalIds: string[];
  createdAt: string | null;
  updatedAt: string | null;
};

export type AvailabilityZoneDto = { name: string; available: boolean };

export type KeyPairDto = {
  name: string;
  fingerprint: string;
  type: string;
  publicKey: string;
  /** Only on create when the cloud generated the key; shown once, never stored. */
  privateKey?: string;
};

export type SecurityGroupDto = {
  externalId: string;
  name: string;
  description: string;
  projectExternalId: string;
};

export type ServerGroupDto = {
  externalId: string;
  name: string;
  policy: 'affinity' | 'anti-affinity' | 'soft-affinity' | 'soft-anti-affinity';
  memberExternalIds: string[];
};

export type HypervisorDto = {
  externalId: string;
  hostname: string;
  state: 'up' | 'down';
  status: 'enabled' | 'disabled';
  vcpus: number;
  vcpusUsed: number;
  memoryMb: number;
  memoryMbUsed: number;
  localGb: number;
  localGbUsed: number;
  runningVms: number;
};

export type AggregateDto = {
  externalId: string;
  name: string;
  availabilityZone: string | null;
  hosts: string[];
  metadata: Record<string, string>;
};

export type ConsoleDto = { protocol: 'vnc' | 'spice' | 'serial'; url: string };

export type CreateServerSpec = {
  name: string;
  flavorExternalId: string;
  /** Boot from this image, or from a new volume made of it when `bootVolumeGb` is set. */
  imageExternalId: string;
  bootVolumeGb?: number;
  networkExternalIds: string[];
  securityGroupNames?: string[];
  keyName?: string;
  /** Plain text; adapters encode it as the cloud wants. */
  userData?: string;
  availabilityZone?: string;
  serverGroupExternalId?: string;
  metadata?: Record<string, string>;
  /**
   * The task's idempotency key. Adapters store it as metadata[idempotencyMetadataKey] so
   * `findServerByToken` can find a server whose create answer was lost.
   */
  idempotencyToken?: string;
};

export type ServerAction =
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'reboot'; hard: boolean }
  | { type: 'resize'; flavorExternalId: string }
  | { type: 'confirm-resize' }
  | { type: 'revert-resize' }
  | { type: 'rebuild'; imageExternalId: string }
  | { type: 'snapshot'; imageName: string }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'suspend' }
  | { type: 'resume' }
  | { type: 'pause' }
  | { type: 'unpause' }
  | { type: 'migrate'; host?: string }
  | { type: 'live-migrate'; host?: string };
export type ServerActionType = ServerAction['type'];

/** Disk formats Glance knows (white paper: raw, qcow2, vmdk, vdi, iso, vhd, vhdx, ami/ari/aki, ploop). */
export const imageDiskFormats = [
  'raw',
  'qcow2',
  'vmdk',
  'vdi',
  'iso',
  'vhd',
  'vhdx',
  'ami',
  'ari',
  'aki',
  'ploop',
] as const;
export type ImageDiskFormat = (typeof imageDiskFormats)[number];
export const imageContainerFormats = ['bare', 'ovf', 'ova', 'docker', 'ami', 'aki', 'ari'] as const;
export type ImageContainerFormat = (typeof imageContainerFormats)[number];
export type ImageVisibility = ImageDto['visibility'];

/** A new image record (bytes come later with uploadImageData). */
export type CreateImageSpec = {
  name: string;
  diskFormat: ImageDiskFormat;
  containerFormat: ImageContainerFormat;
  visibility: ImageVisibility;
  protected?: boolean;
  minDiskGb?: number;
  minRamMb?: number;
  tags?: string[];
};

/** What updateImage may change; absent fields stay as they are. */
export type ImagePatch = {
  name?: string;
  visibility?: ImageVisibility;
  protected?: boolean;
  minDiskGb?: number;
  minRamMb?: number;
  tags?: string[];
};

/** An image with the checksums the cloud computed over its bytes. */
export type ImageDetailDto = ImageDto & {
  /** MD5 hex (Glance `checksum`). */
  checksum: string | null;
  /** Glance's multihash, e.g. sha512. */
  hashAlgo: string | null;
  hashValue: string | null;
};

export const baremetalPowerActions = ['on', 'off', 'reboot'] as const;
export type BaremetalPowerAction = (typeof baremetalPowerActions)[number];
export const baremetalProvisionActions = [
  'manage',
  'provide',
  'deploy',
  'undeploy',
  'clean',
  'inspect',
] as const;
export type BaremetalProvisionAction = (typeof baremetalProvisionActions)[number];

/** A bare-metal node (Ironic). */
export type BaremetalNodeDto = {
  externalId: string;
  name: string | null;
  powerState: string | null;
  targetPowerState: string | null;
  provisionState: string;
  targetProvisionState: string | null;
  maintenance: boolean;
  instanceExternalId: string | null;
  resourceClass: string | null;
  lastError: string | null;
  updatedAt: string | null;
};

/** A Keystone application credential: the secret is in this answer only. */
export type AppCredentialDto = {
  externalId: string;
  name: string;
  projectExternalId: string;
  expiresAt: string | null;
  /** Present only when just created. */
  secret?: string;
  userExternalId: string;
};

/** Which portal user and project an application credential is for. */
export type AppCredentialOwner = {
  /** The portal user's id: the cloud user is `yg-u-<userId>` in the tenant's domain. */
  userId: string;
  username: string;
};

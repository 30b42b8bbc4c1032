import {
  CloudError,
  type CallOptions,
  type CreateImageSpec,
  type ImageDetailDto,
  type ImageDto,
  type ImagePatch,
  type Scope,
} from '@yunguan/cloud-core';
import type { Call, ServiceClient } from '../service-client';
import {
  createImage,
  deleteImage,
  getImage,
  updateImage,
  uploadImageData,
  type ImagePatchOp,
} from '../services/image/v2/images/requests';
import type { Image } from '../services/image/v2/images/results';
import { toImageDto } from './to-dto';

/** An upload may take long; without a caller's deadline allow this much. */
const defaultUploadTimeoutMs = 6 * 3600_000;

const inProject = (scope: Scope, options?: CallOptions): Call => ({
  scope: { projectId: scope.projectExternalId },
  options,
});

const notInProject = (scope: Scope, id: string) =>
  new CloudError({
    kind: 'not-found',
    provider: 'openstack',
    service: 'image',
    method: 'GET',
    url: `images/${id}`,
    expected: [200],
    actual: 200,
    upstreamMessage: `No image found with ID ${id} in project ${scope.projectExternalId}.`,
  });

/** The project's token carries the admin role: keep what the project may see / change. */
const imageOf = async (
  image: ServiceClient,
  scope: Scope,
  id: string,
  options: CallOptions | undefined,
  mode: 'see' | 'change',
): Promise<Image> => {
  const found = await getImage(image, inProject(scope, options), id);
  const own = found.owner === scope.projectExternalId;
  if (own || (mode === 'see' && found.visibility === 'public')) return found;
  throw notInProject(scope, id);
};

export const toImageDetailDto = (i: Image): ImageDetailDto => ({
  ...toImageDto(i),
  checksum: i.checksum ?? null,
  hashAlgo: i.os_hash_algo ?? null,
  hashValue: i.os_hash_value ?? null,
});

/** Glance JSON-patch operations for our patch (tags replaced as a whole). */
export const imagePatchOps = (patch: ImagePatch): ImagePatchOp[] => {
  const ops: ImagePatchOp[] = [];
  const put = (path: string, value: unknown) => ops.push({ op: 'replace', path, value });
  if (patch.name !== undefined) put('/name', patch.name);
  if (patch.visibility !== undefined) put('/visibility', patch.visibility);
  if (patch.protected !== undefined) put('/protected', patch.protected);
  if (patch.minDiskGb !== undefined) put('/min_disk', patch.minDiskGb);
  if (patch.minRamMb !== undefined) put('/min_ram', patch.minRamMb);
  if (patch.tags !== undefined) put('/tags', patch.tags);
  return ops;
};

/** The image verbs of the CloudProvider, on Glance v2. */
export const imageVerbs = (image: ServiceClient) => ({
  createImage: async (
    scope: Scope,
    spec: CreateImageSpec,
    options?: CallOptions,
  ): Promise<ImageDto> =>
    toImageDto(
      await createImage(image, inProject(scope, options), {
        name: spec.name,
        disk_format: spec.diskFormat,
        container_format: spec.containerFormat,
        visibility: spec.visibility,
        ...(spec.protected === undefined ? {} : { protected: spec.protected }),
        ...(spec.minDiskGb === undefined ? {} : { min_disk: spec.minDiskGb }),
        ...(spec.minRamMb === undefined ? {} : { min_ram: spec.minRamMb }),
        ...(spec.tags === undefined ? {} : { tags: spec.tags }),
      }),
    ),

  uploadImageData: async (
    scope: Scope,
    id: string,
    body: ReadableStream<Uint8Array>,
    _sizeBytes: number | undefined,
    options?: CallOptions,
  ): Promise<void> => {
    await imageOf(image, scope, id, options, 'change');
    await uploadImageData(
      image,
      inProject(scope, { ...options, timeoutMs: options?.timeoutMs ?? defaultUploadTimeoutMs }),
      id,
      body,
    );
  },

  getImage: async (scope: Scope, id: string, options?: CallOptions): Promise<ImageDetailDto> =>
    toImageDetailDto(await imageOf(image, scope, id, options, 'see')),

  updateImage: async (
    scope: Scope,
    id: string,
    patch: ImagePatch,
    options?: CallOptions,
  ): Promise<ImageDto> => {
    const current = await imageOf(image, scope, id, options, 'change');
    const ops = imagePatchOps(patch);
    if (ops.length === 0) return toImageDto(current);
    return toImageDto(await updateImage(image, inProject(scope, options), id, ops));
  },

  deleteImage: async (scope: Scope, id: string, options?: CallOptions): Promise<void> => {
    await imageOf(image, scope, id, options, 'change');
    await deleteImage(image, inProject(scope, options), id);
  },
});

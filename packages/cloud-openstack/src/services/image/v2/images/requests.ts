import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { imageSchema, type Image } from './results';
import { imageFileUrl, imagesUrl, imageUrl } from './urls';

/** Glance lists what the token's project may use: public, own, shared-and-accepted, community. */
export const listImages = (
  image: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<Image[]> =>
  listAll(image, call, {
    path: imagesUrl(),
    key: 'images',
    item: imageSchema,
    pageSize: 500,
    query,
  });

export const getImage = (image: ServiceClient, call: Call, id: string): Promise<Image> =>
  image.requestJson(call, { method: 'GET', path: imageUrl(id), expected: [200] }, imageSchema);

export type CreateImageOpts = {
  name: string;
  disk_format: string;
  container_format: string;
  visibility?: 'public' | 'private' | 'shared' | 'community';
  protected?: boolean;
  min_disk?: number;
  min_ram?: number;
  tags?: string[];
};

export const createImage = (image: ServiceClient, call: Call, opts: CreateImageOpts) =>
  image.requestJson(
    call,
    { method: 'POST', path: imagesUrl(), body: opts, expected: [201] },
    imageSchema,
  );

/**
 * Upload the bytes of a queued image; it turns active when Glance has stored them. A stream is
 * passed on as it arrives (chunked), never collected in memory.
 */
export const uploadImageData = async (
  image: ServiceClient,
  call: Call,
  id: string,
  data: Uint8Array | ReadableStream<Uint8Array>,
) => {
  await image.request(call, {
    method: 'PUT',
    path: imageFileUrl(id),
    rawBody: data,
    headers: { 'Content-Type': 'application/octet-stream' },
    expected: [204],
  });
};

/** One RFC 6902-style operation of Glance's image JSON patch. */
export type ImagePatchOp =
  { op: 'replace' | 'add'; path: string; value: unknown } | { op: 'remove'; path: string };

/** `PATCH /v2/images/{id}` with Glance's own patch media type. */
export const updateImage = (image: ServiceClient, call: Call, id: string, ops: ImagePatchOp[]) =>
  image.requestJson(
    call,
    {
      method: 'PATCH',
      path: imageUrl(id),
      body: ops,
      headers: { 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
      expected: [200],
    },
    imageSchema,
  );

export const deleteImage = async (image: ServiceClient, call: Call, id: string) => {
  await image.request(call, { method: 'DELETE', path: imageUrl(id), expected: [204] });
};

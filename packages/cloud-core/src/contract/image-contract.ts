import { createHash, randomBytes } from 'node:crypto';
import { isCloudError, type CloudProvider, type Scope } from '../index';
import { expect, it } from 'vitest';
import { imagesOf } from './ports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stream of `bytes` in uneven chunks, so nothing relies on one write. */
export const streamOf = (bytes: Uint8Array): ReadableStream<Uint8Array> => {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const size = Math.min(7_001, bytes.length - offset);
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
};

/**
 * Image cases of the contract: create → stream 64 KB → active with size and checksums →
 * protect → delete refused in the cloud's words → unprotect → delete. Registered inside
 * describeProviderContract after ensureTenant.
 */
export const describeImageContract = (
  get: () => { provider: CloudProvider; scope: Scope },
  suffix: string,
) => {
  let imageId = '';

  it('creates an image, streams 64 KB into it, and it is active with size and checksums', async () => {
    const { provider, scope } = get();
    const created = await imagesOf(provider).createImage(scope, {
      name: `contract-image-${suffix}`,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      visibility: 'private',
      minDiskGb: 1,
      minRamMb: 64,
    });
    imageId = created.externalId;
    expect(created).toMatchObject({ status: 'queued', diskFormat: 'qcow2', protected: false });
    expect(created.ownerExternalId).toBe(scope.projectExternalId);
    const bytes = randomBytes(64 * 1024);
    await imagesOf(provider).uploadImageData(scope, imageId, streamOf(bytes), bytes.length);
    let image = await provider.getImage(scope, imageId);
    for (let i = 0; i < 40 && image.status !== 'active'; i += 1) {
      await sleep(250);
      image = await provider.getImage(scope, imageId);
    }
    expect(image.status).toBe('active');
    expect(image.sizeBytes).toBe(bytes.length);
    expect(image.checksum).toBe(createHash('md5').update(bytes).digest('hex'));
    if (image.hashAlgo !== null) {
      expect(image.hashValue).toBe(createHash(image.hashAlgo).update(bytes).digest('hex'));
    }
    expect((await provider.listImages(scope)).map((i) => i.externalId)).toContain(imageId);
  });

  it('updates name, sizes and tags, and protects the image: delete is refused', async () => {
    const { provider, scope } = get();
    const updated = await imagesOf(provider).updateImage(scope, imageId, {
      name: `contract-image-${suffix}-renamed`,
      minDiskGb: 2,
      tags: ['contract'],
      protected: true,
    });
    expect(updated).toMatchObject({ minDiskGb: 2, tags: ['contract'], protected: true });
    expect(updated.name).toBe(`contract-image-${suffix}-renamed`);
    const error: unknown = await imagesOf(provider)
      .deleteImage(scope, imageId)
      .catch((e: unknown) => e);
    expect(isCloudError(error) && ['forbidden', 'conflict'].includes(error.kind)).toBe(true);
    expect(isCloudError(error) && error.upstreamMessage).toMatch(/protected/i);
    expect((await provider.getImage(scope, imageId)).status).toBe('active');
  });

  it('deletes the image once unprotected; it is gone', async () => {
    const { provider, scope } = get();
    await imagesOf(provider).updateImage(scope, imageId, { protected: false });
    await imagesOf(provider).deleteImage(scope, imageId);
    const error: unknown = await provider.getImage(scope, imageId).catch((e: unknown) => e);
    expect(isCloudError(error) && error.kind).toBe('not-found');
  });

  it('refuses to upload into an image of another project as not-found', async () => {
    const { provider, scope } = get();
    const other = randomBytes(8).toString('hex');
    const error: unknown = await imagesOf(provider)
      .uploadImageData(
        scope,
        `00000000-0000-4000-8000-${other.slice(0, 12)}`,
        streamOf(new Uint8Array(4)),
        4,
      )
      .catch((e: unknown) => e);
    expect(isCloudError(error) && error.kind).toBe('not-found');
  });
};

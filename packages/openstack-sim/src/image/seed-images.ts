import { Readable } from 'node:stream';
import { uuid } from '../core/ids';
import type { SimContext } from '../core/sim-context';
import { identityOf } from '../identity/identity-state';
import type { ImageFiles } from './image-files';
import { type Image, glanceTime, imageStateOf } from './image-state';

/**
 * A stand-in for CirrOS: a valid qcow2 version-3 header (magic `QFI\xfb`, 1 GiB virtual size)
 * padded to 64 KiB. It is not bootable — nothing in the simulator boots — but tools that sniff
 * the format see qcow2.
 */
const fakeQcow2 = (): Buffer => {
  const blob = Buffer.alloc(64 * 1024);
  blob.write('QFI\xfb', 0, 'latin1');
  blob.writeUInt32BE(3, 4); // version
  blob.writeUInt32BE(16, 20); // cluster_bits
  blob.writeBigUInt64BE(1024n * 1024n * 1024n, 24); // virtual size
  blob.writeUInt32BE(104, 100); // header_length
  return blob;
};

export const seedImages = async (ctx: SimContext, files: ImageFiles) => {
  const state = imageStateOf(ctx.store.state);
  if (state.seeded) return;
  const owner =
    Object.values(identityOf(ctx.store.state).projects).find((p) => p.name === 'admin')?.id ?? '';
  const id = uuid();
  const written = await files.write(id, Readable.from([fakeQcow2()]));
  const now = glanceTime(ctx.now());
  const image: Image = {
    id,
    name: 'cirros-0.6.2',
    status: 'active',
    visibility: 'public',
    protected: false,
    os_hidden: false,
    checksum: written.md5,
    os_hash_algo: 'sha512',
    os_hash_value: written.sha512,
    size: written.size,
    virtual_size: 1024 * 1024 * 1024,
    disk_format: 'qcow2',
    container_format: 'bare',
    min_disk: 0,
    min_ram: 0,
    owner,
    created_at: now,
    updated_at: now,
    tags: [],
    properties: { hw_rng_model: 'virtio', os_distro: 'cirros', os_version: '0.6.2' },
  };
  state.images[id] = image;
  state.seeded = true;
  ctx.store.changed();
};

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Image bytes live as files in `<dataDir>/images/<id>`, never in the JSON state. */
export type ImageFiles = {
  dir: string;
  /** Stream bytes in; resolves with size, md5 and sha512 once the file is complete. */
  write: (id: string, data: Readable) => Promise<{ size: number; md5: string; sha512: string }>;
  read: (id: string) => Readable;
  exists: (id: string) => Promise<boolean>;
  remove: (id: string) => Promise<void>;
};

export const openImageFiles = async (dataDir: string | null): Promise<ImageFiles> => {
  const dir =
    dataDir === null
      ? await mkdtemp(path.join(tmpdir(), 'openstack-sim-images-'))
      : path.join(dataDir, 'images');
  await mkdir(dir, { recursive: true });
  const fileOf = (id: string) => path.join(dir, id.replace(/[^A-Za-z0-9-]/g, '_'));
  return {
    dir,
    async write(id, data) {
      const md5 = createHash('md5');
      const sha512 = createHash('sha512');
      let size = 0;
      const hash = new Transform({
        transform(chunk: Buffer, _enc, done) {
          md5.update(chunk);
          sha512.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const tmp = `${fileOf(id)}.partial`;
      try {
        await pipeline(data, hash, createWriteStream(tmp, { mode: 0o600 }));
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      await rename(tmp, fileOf(id));
      return { size, md5: md5.digest('hex'), sha512: sha512.digest('hex') };
    },
    read: (id) => createReadStream(fileOf(id)),
    exists: async (id) =>
      stat(fileOf(id)).then(
        (s) => s.isFile(),
        () => false,
      ),
    remove: (id) => rm(fileOf(id), { force: true }),
  };
};

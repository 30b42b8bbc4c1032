import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`upload larger than ${limit} bytes`);
    this.name = 'UploadTooLarge';
  }
}

export type CountedUpload = {
  /** The bytes as a web stream for the cloud adapter (backpressure kept, nothing buffered). */
  stream: ReadableStream<Uint8Array>;
  /** Bytes, MD5 and SHA-256 of what passed, once the stream has ended. */
  result: () => { bytes: number; md5: string; sha256: string };
  bytesSoFar: () => number;
};

/** Count and hash the request body on its way through; refuse more than `maxBytes`. */
export const countUpload = (body: Readable, maxBytes: number): CountedUpload => {
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  let bytes = 0;
  let digests: { md5: string; sha256: string } | undefined;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(new UploadTooLarge(maxBytes));
        return;
      }
      md5.update(chunk);
      sha256.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      digests = { md5: md5.digest('hex'), sha256: sha256.digest('hex') };
      callback();
    },
  });
  body.on('error', (error) => counter.destroy(error));
  body.pipe(counter);
  return {
    stream: Readable.toWeb(counter) as ReadableStream<Uint8Array>,
    bytesSoFar: () => bytes,
    result: () => {
      if (digests === undefined) throw new Error('the upload stream has not ended');
      return { bytes, ...digests };
    },
  };
};

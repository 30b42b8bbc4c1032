import { Readable } from 'node:stream';
import * as c from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import type { FastifyInstance } from 'fastify';
import { createImage } from '../../services/images/create-image';
import { deleteImage } from '../../services/images/delete-image';
import { getImage } from '../../services/images/get-image';
import { updateImage } from '../../services/images/update-image';
import { uploadImageFile } from '../../services/images/upload-image-file';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

const wrongContentType = () =>
  new DomainError('VALIDATION', 'image bytes must be application/octet-stream', {
    reason: 'image_upload_content_type',
    issues: [{ path: 'body', message: 'Content-Type must be application/octet-stream' }],
  });

const lengthOf = (header: string | undefined): number | undefined => {
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
};

/**
 * Images of a project (docs/user-guide.md "Images"). The upload route gets the raw request body
 * as a stream: an `application/octet-stream` parser that hands over the stream itself, scoped to
 * this plugin, so the bytes are never collected in memory (ADR 0108).
 */
export const registerImageRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.createImage, ({ ctx, params, body }) =>
    createImage(ctx, params.projectId, body),
  );
  registerContract(app, deps, c.getImage, ({ ctx, params, query }) =>
    getImage(ctx, { ...params, datacenterId: query.datacenterId }),
  );
  registerContract(app, deps, c.updateImage, ({ ctx, params, body }) =>
    updateImage(ctx, { ...params, input: body }),
  );
  registerContract(app, deps, c.deleteImage, async ({ ctx, params, query }) => {
    await deleteImage(ctx, { ...params, datacenterId: query.datacenterId });
    return null;
  });
  void app.register((scoped, _options, done) => {
    scoped.addContentTypeParser('application/octet-stream', (_request, payload, done) => {
      done(null, payload);
    });
    registerContract(scoped, deps, c.uploadImageFile, async ({ ctx, params, query, request }) => {
      const body: unknown = request.body;
      if (!(body instanceof Readable)) throw wrongContentType();
      await uploadImageFile(ctx, {
        ...params,
        datacenterId: query.datacenterId,
        body,
        sizeBytes: lengthOf(request.headers['content-length']),
        maxBytes: deps.env.IMAGE_UPLOAD_MAX_BYTES,
        warn: (error, what) => request.log.warn({ err: error }, what),
      });
      return null;
    });
    done();
  });
};

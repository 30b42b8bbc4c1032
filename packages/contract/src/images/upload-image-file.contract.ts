import { emptyResponse } from '../common';
import { defineContract } from '../define-contract';
import { imageDatacenterQuery, imageParams } from './image.schema';

/**
 * The raw bytes (Content-Type application/octet-stream) stream through the API and the tunnel
 * into the cloud without being held in memory (ADR 0108). The image.upload task records the
 * steps (create, upload, verify).
 */
export const uploadImageFile = defineContract({
  id: 'images.upload-file',
  method: 'PUT',
  path: '/api/v1/projects/:projectId/images/:imageId/file',
  summary: 'Stream the bytes of a queued image (application/octet-stream)',
  tag: 'images',
  auth: 'user',
  params: imageParams,
  query: imageDatacenterQuery,
  status: 204,
  response: emptyResponse,
  errors: [
    'NOT_FOUND',
    'FORBIDDEN',
    'VALIDATION',
    'CONFLICT',
    'UPSTREAM_UNAVAILABLE',
    'PRECONDITION_FAILED',
  ],
});

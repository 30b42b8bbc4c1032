import { defineContract } from '../define-contract';
import { createdImageSchema, createImageInput, imageProjectParams } from './image.schema';

export const createImage = defineContract({
  id: 'images.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/images',
  summary:
    'Create an image record in a datacenter (status queued) and its image.upload task; send the bytes with PUT …/file next',
  tag: 'images',
  auth: 'user',
  params: imageProjectParams,
  body: createImageInput,
  status: 201,
  response: createdImageSchema,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'],
});

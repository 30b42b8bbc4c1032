import { emptyResponse } from '../common';
import { defineContract } from '../define-contract';
import { imageDatacenterQuery, imageParams } from './image.schema';

export const deleteImage = defineContract({
  id: 'images.delete',
  method: 'DELETE',
  path: '/api/v1/projects/:projectId/images/:imageId',
  summary: 'Delete an image of the project (a protected image is refused)',
  tag: 'images',
  auth: 'user',
  params: imageParams,
  query: imageDatacenterQuery,
  status: 204,
  response: emptyResponse,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'],
});

import { defineContract } from '../define-contract';
import { imageDatacenterQuery, imageDetailSchema, imageParams } from './image.schema';

export const getImage = defineContract({
  id: 'images.get',
  method: 'GET',
  path: '/api/v1/projects/:projectId/images/:imageId',
  summary: 'One image the project can see, with the checksums the cloud computed',
  tag: 'images',
  auth: 'user',
  params: imageParams,
  query: imageDatacenterQuery,
  status: 200,
  response: imageDetailSchema,
  errors: ['NOT_FOUND', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'],
});

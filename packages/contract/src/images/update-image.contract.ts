import { imageSchema } from '../catalog/catalog.schema';
import { defineContract } from '../define-contract';
import { imageParams, updateImageInput } from './image.schema';

export const updateImage = defineContract({
  id: 'images.update',
  method: 'PATCH',
  path: '/api/v1/projects/:projectId/images/:imageId',
  summary: "Change an image's name, visibility, protection, minimum disk/RAM or tags",
  tag: 'images',
  auth: 'user',
  params: imageParams,
  body: updateImageInput,
  status: 200,
  response: imageSchema,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'],
});

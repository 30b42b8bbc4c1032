import { z } from 'zod';
import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { baremetalNodeSchema } from './baremetal.schema';

export const listBaremetalNodes = defineContract({
  id: 'baremetal.list-nodes',
  method: 'GET',
  path: '/api/v1/datacenters/:id/baremetal-nodes',
  summary: "The datacenter's bare-metal nodes (Ironic), read live (compute.admin)",
  tag: 'baremetal',
  auth: 'user',
  params: idParams,
  status: 200,
  response: z.object({ items: z.array(baremetalNodeSchema) }),
  errors: ['NOT_FOUND', 'FORBIDDEN', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'],
});

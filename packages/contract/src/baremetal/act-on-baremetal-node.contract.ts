import { defineContract } from '../define-contract';
import { baremetalActionInput, baremetalNodeParams, baremetalNodeSchema } from './baremetal.schema';

/**
 * Ironic accepts the action (202) and moves the node later: the answer is the node as it is
 * right after (target states set); the list shows it settle.
 */
export const actOnBaremetalNode = defineContract({
  id: 'baremetal.act',
  method: 'POST',
  path: '/api/v1/datacenters/:id/baremetal-nodes/:nodeId/actions',
  summary: 'Power on/off, reboot, manage, provide, deploy, undeploy, clean or inspect a node',
  tag: 'baremetal',
  auth: 'user',
  params: baremetalNodeParams,
  body: baremetalActionInput,
  status: 202,
  response: baremetalNodeSchema,
  errors: [
    'NOT_FOUND',
    'FORBIDDEN',
    'VALIDATION',
    'CONFLICT',
    'UPSTREAM_UNAVAILABLE',
    'PRECONDITION_FAILED',
  ],
});

import type { z } from 'zod';
import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { serverConsoleSchema } from './server.schema';

/**
 * A one-time console ticket: `url` is the portal's WebSocket relay
 * (`/api/v1/console/ws?ticket=…`, binary frames, RFB inside), valid once until expiresAt (60 s),
 * for the same user only.
 */
export const getServerConsole = defineContract({
  id: 'server.console',
  method: 'GET',
  path: '/api/v1/servers/:id/console',
  tag: 'servers',
  auth: 'user',
  summary:
    'Open the VNC console of a running server: a one-time WebSocket URL (60 s) relayed through the datacenter tunnel',
  params: idParams,
  status: 200,
  response: serverConsoleSchema,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'UPSTREAM_UNAVAILABLE'],
});

export type ServerConsole = z.infer<typeof serverConsoleSchema>;

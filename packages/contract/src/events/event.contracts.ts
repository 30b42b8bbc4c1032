import { z } from 'zod';
import { defineContract } from '../define-contract';

/**
 * Server-sent events. Not JSON: the answer is `text/event-stream`; each `data:` line is one
 * portalEventSchema object. Registered by hand in portal-api (http/routes/events-routes.ts).
 */
export const streamEvents = defineContract({
  id: 'event.stream',
  method: 'GET',
  path: '/api/v1/events',
  tag: 'events',
  auth: 'user',
  summary:
    'Live updates as text/event-stream (SSE): task.updated and resource.changed events of the projects you can read; a `: ping` comment every 15 s',
  status: 200,
  response: z.string().describe('text/event-stream; each data line is a portal event (JSON)'),
  errors: [],
});

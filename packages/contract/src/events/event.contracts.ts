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
    'Live updates as text/event-stream (SSE): task.updated and resource.changed events of the projects you can read, each with `id: <seq>` of the event log; a `: ping` comment every 15 s. Resumes after `Last-Event-ID` (header, or the `lastEventId` query parameter): the events missed are replayed first, or `event: reset` tells the client to re-read when they cannot be',
  status: 200,
  response: z.string().describe('text/event-stream; each data line is a portal event (JSON)'),
  errors: [],
});

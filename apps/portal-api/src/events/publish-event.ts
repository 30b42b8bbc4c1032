import type { ServiceConfig } from '../services/context';
import type { NewPortalEvent } from './event-bus';

/**
 * Publish one portal event (validated against packages/contract's portalEventSchema) to every
 * API process; each forwards it over SSE to the users who can read its project. For example the
 * inventory sync: `publishEvent(deps, { type: 'resource.changed', … })`.
 */
export const publishEvent = (
  deps: { config: Pick<ServiceConfig, 'tasks'> },
  event: NewPortalEvent,
): Promise<void> => deps.config.tasks.events.publish(event);

import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { createChannel } from '../../services/notifications/create-channel';
import { deleteChannel } from '../../services/notifications/delete-channel';
import { readDemoMailbox } from '../../services/notifications/demo-mailbox';
import { getChannel } from '../../services/notifications/get-channel';
import { getDelivery } from '../../services/notifications/get-delivery';
import { listChannels } from '../../services/notifications/list-channels';
import { listDeliveries } from '../../services/notifications/list-deliveries';
import { listEventTypes } from '../../services/notifications/list-event-types';
import { previewTemplate } from '../../services/notifications/preview-template';
import { testChannel } from '../../services/notifications/test-channel';
import { updateChannel } from '../../services/notifications/update-channel';
import { updateTemplate } from '../../services/notifications/update-template';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

/** Notification channels, templates and the delivery log (M2.1, ADR 0119). */
export const registerNotificationRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listChannels, ({ ctx, query }) => listChannels(ctx, query));
  registerContract(app, deps, c.getChannel, ({ ctx, params }) => getChannel(ctx, params.id));
  registerContract(app, deps, c.createChannel, ({ ctx, body }) => createChannel(ctx, body));
  registerContract(app, deps, c.updateChannel, ({ ctx, params, body }) =>
    updateChannel(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteChannel, async ({ ctx, params }) => {
    await deleteChannel(ctx, params.id);
    return null;
  });
  registerContract(app, deps, c.testChannel, ({ ctx, params, body }) =>
    testChannel(ctx, params.id, body),
  );
  registerContract(app, deps, c.listEventTypes, ({ ctx }) => listEventTypes(ctx));
  registerContract(app, deps, c.updateTemplate, ({ ctx, params, body }) =>
    updateTemplate(ctx, params.eventType, params.locale, body),
  );
  registerContract(app, deps, c.resetTemplate, ({ ctx, params }) =>
    updateTemplate(ctx, params.eventType, params.locale, null),
  );
  registerContract(app, deps, c.previewTemplate, ({ ctx, body }) =>
    Promise.resolve(previewTemplate(ctx, body)),
  );
  registerContract(app, deps, c.listDeliveries, ({ ctx, query }) => listDeliveries(ctx, query));
  registerContract(app, deps, c.getDemoMailbox, ({ ctx }) => readDemoMailbox(ctx));
  registerContract(app, deps, c.getDelivery, ({ ctx, params }) => getDelivery(ctx, params.id));
};

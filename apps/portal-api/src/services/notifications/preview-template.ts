import { assertHas, platformTarget } from '@yunguan/domain';
import { sampleParams } from '@yunguan/notifications/templates';
import type { ServiceContext } from '../context';
import { assertTemplate } from './check-template';
import { renderText } from './template-text';

/** Render unsaved text with the event's sample values (overridden by `params`). */
export const previewTemplate = (
  ctx: ServiceContext,
  input: {
    eventType: string;
    subject: string;
    body: string;
    params?: Record<string, string> | undefined;
  },
): { subject: string; body: string } => {
  assertHas(ctx.principal, 'notification.manage', platformTarget);
  assertTemplate(input.eventType, input);
  return renderText(input, { ...sampleParams(input.eventType), ...input.params });
};

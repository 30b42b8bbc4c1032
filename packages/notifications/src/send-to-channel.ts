import { sendEmail, type EmailSecret, type EmailSettings } from './email/send-email';
import type { RenderedMessage, SendOptions, SendReceipt } from './types';
import {
  sendWecomApp,
  type WecomAppSecret,
  type WecomAppSettings,
} from './wecom-app/send-wecom-app';
import type { TokenCache } from './wecom-app/token-cache';
import {
  sendWecomRobot,
  type WecomRobotSecret,
  type WecomRobotSettings,
} from './wecom-robot/send-wecom-robot';
import { sendWebhook, type WebhookSecret, type WebhookSettings } from './webhook/send-webhook';

/** A channel's settings and opened secret, by kind. */
export type ChannelConfig =
  | { kind: 'email'; settings: EmailSettings; secret: EmailSecret }
  | { kind: 'wecom-robot'; settings: WecomRobotSettings; secret: WecomRobotSecret }
  | { kind: 'wecom-app'; settings: WecomAppSettings; secret: WecomAppSecret }
  | { kind: 'webhook'; settings: WebhookSettings; secret: WebhookSecret };

export type Delivery = {
  id: string;
  /** email: an address; wecom-app: WeCom user ids (`|`-joined); robot and webhook: ignored. */
  recipient: string;
  message: RenderedMessage;
  params: Record<string, string>;
};

export type SendContext = SendOptions & { tokenCache: TokenCache; now: Date };

/** Send one delivery over its channel; throws ChannelError with the peer's answer on failure. */
export const sendToChannel = (
  config: ChannelConfig,
  delivery: Delivery,
  ctx: SendContext,
): Promise<SendReceipt> => {
  const opts = { timeoutMs: ctx.timeoutMs };
  switch (config.kind) {
    case 'email':
      return sendEmail(config.settings, config.secret, delivery.recipient, delivery.message, opts);
    case 'wecom-robot':
      return sendWecomRobot(config.settings, config.secret, delivery.message, opts);
    case 'wecom-app':
      return sendWecomApp(
        config.settings,
        config.secret,
        ctx.tokenCache,
        delivery.recipient,
        delivery.message,
        opts,
      );
    case 'webhook':
      return sendWebhook(
        config.settings,
        config.secret,
        {
          id: delivery.id,
          eventType: delivery.message.eventType,
          severity: delivery.message.severity,
          subject: delivery.message.subject,
          body: delivery.message.body,
          params: delivery.params,
          sentAt: ctx.now.toISOString(),
        },
        { ...opts, now: ctx.now },
      );
  }
};

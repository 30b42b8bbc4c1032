import { requestJson } from '../http-json';
import type { RenderedMessage, SendOptions, SendReceipt } from '../types';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './sign-webhook';

/** Generic webhook: a JSON POST signed with HMAC-SHA256 over timestamp + body. */
export type WebhookSettings = { url: string };
export type WebhookSecret = { secret: string };

export type WebhookPayload = {
  id: string;
  eventType: string;
  severity: string;
  subject: string;
  body: string;
  params: Record<string, string>;
  sentAt: string;
};

export const sendWebhook = async (
  settings: WebhookSettings,
  secret: WebhookSecret,
  payload: WebhookPayload,
  opts: SendOptions & { now: Date },
): Promise<SendReceipt> => {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(opts.now.getTime() / 1000));
  const res = await requestJson(
    settings.url,
    {
      method: 'POST',
      body,
      headers: {
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhook(secret.secret, timestamp, body),
        'user-agent': 'Yunguan-Webhook/1',
      },
    },
    opts.timeoutMs,
  );
  return { detail: `HTTP ${res.status}` };
};

export type { RenderedMessage };

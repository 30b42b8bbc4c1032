export * from './types';
export * from './send-to-channel';
export { sendEmail, type EmailSettings, type EmailSecret } from './email/send-email';
export {
  sendWecomRobot,
  robotMarkdown,
  fitMarkdown,
  DEFAULT_WECOM_BASE_URL,
  type WecomRobotSettings,
  type WecomRobotSecret,
} from './wecom-robot/send-wecom-robot';
export {
  sendWecomApp,
  type WecomAppSettings,
  type WecomAppSecret,
} from './wecom-app/send-wecom-app';
export { memoryTokenCache, type TokenCache } from './wecom-app/token-cache';
export {
  sendWebhook,
  type WebhookSettings,
  type WebhookSecret,
  type WebhookPayload,
} from './webhook/send-webhook';
export {
  signWebhook,
  verifyWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './webhook/sign-webhook';
export * from './templates/event-registry';
export * from './templates/render-template';

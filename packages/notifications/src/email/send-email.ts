import nodemailer from 'nodemailer';
import { ChannelError, type RenderedMessage, type SendOptions, type SendReceipt } from '../types';

/**
 * SMTP settings. security: 'starttls' — plain connection upgraded with STARTTLS, which is then
 * required (port 587); 'tls' — TLS from the first byte (port 465); 'none' — no TLS at all (only
 * for a relay on the same host, such as the demo's mailbox). tlsCa: a PEM CA to trust besides the
 * system's (an internal relay with its own certificate authority).
 */
export type EmailSettings = {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  username?: string | undefined;
  from: string;
  tlsCa?: string | undefined;
};
export type EmailSecret = { password?: string | undefined };

/** Send one message to one address over SMTP (nodemailer). */
export const sendEmail = async (
  settings: EmailSettings,
  secret: EmailSecret,
  to: string,
  message: RenderedMessage,
  opts: SendOptions,
): Promise<SendReceipt> => {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.username
      ? { auth: { user: settings.username, pass: secret.password ?? '' } }
      : {}),
    ...(settings.tlsCa ? { tls: { ca: [settings.tlsCa] } } : {}),
    connectionTimeout: opts.timeoutMs,
    greetingTimeout: opts.timeoutMs,
    socketTimeout: opts.timeoutMs,
  });
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to,
      subject: message.subject,
      text: message.body,
      headers: { 'X-Yunguan-Event': message.eventType, 'X-Yunguan-Severity': message.severity },
    });
    return { detail: `SMTP ${String(info.response)}` };
  } catch (error) {
    const e = error as Error & { code?: string; responseCode?: number; response?: string };
    const auth = e.code === 'EAUTH';
    throw new ChannelError(
      `SMTP ${settings.host}:${settings.port} refused or failed: ${e.code ?? ''} ${e.response ?? e.message}`.trim(),
      auth,
    );
  } finally {
    transport.close();
  }
};

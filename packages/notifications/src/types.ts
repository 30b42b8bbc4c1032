/** What every channel sends: a rendered subject and body (markdown for WeCom, text for email). */
export type RenderedMessage = {
  eventType: string;
  severity: Severity;
  subject: string;
  body: string;
};

export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

export type ChannelKind = 'email' | 'wecom-robot' | 'wecom-app' | 'webhook';

/** Per-call knobs: how long one send may take (a hanging peer must not hold a worker slot). */
export type SendOptions = { timeoutMs: number };

/** What the peer answered, kept for the delivery log (never a secret). */
export type SendReceipt = { detail: string };

/**
 * A send that failed: the message is for the delivery log and the operator (it names the peer's
 * answer, never a secret). `permanent` marks a failure that a retry cannot fix (bad settings).
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** Cut a peer's answer to something a log row can hold. */
export const truncate = (text: string, max = 300): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

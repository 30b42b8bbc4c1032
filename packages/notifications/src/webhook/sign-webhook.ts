import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a signed webhook call: the receiver recomputes the HMAC to trust the body. */
export const SIGNATURE_HEADER = 'x-yunguan-signature';
export const TIMESTAMP_HEADER = 'x-yunguan-timestamp';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the channel's secret. */
export const signWebhook = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** What a receiver does (documented in the user guide); exported for tests and integrators. */
export const verifyWebhook = (
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean => {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

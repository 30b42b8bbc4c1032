import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { signWebhook, verifyWebhook } from './sign-webhook';

test('the signature is HMAC-SHA256 over "<timestamp>.<body>" and verifies only unchanged bodies', () => {
  const sig = signWebhook('s3cret', '1700000000', '{"a":1}');
  const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
  expect(sig).toBe(`sha256=${expected}`);
  expect(verifyWebhook('s3cret', '1700000000', '{"a":1}', sig)).toBe(true);
  expect(verifyWebhook('s3cret', '1700000001', '{"a":1}', sig)).toBe(false);
  expect(verifyWebhook('other', '1700000000', '{"a":1}', sig)).toBe(false);
  expect(verifyWebhook('s3cret', '1700000000', '{"a":2}', 'sha256=short')).toBe(false);
});

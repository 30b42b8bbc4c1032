import { expect, test } from 'vitest';
import { fitMarkdown, robotMarkdown } from './send-wecom-robot';

test("markdown is cut to WeCom's 4096 UTF-8 bytes", () => {
  const long = '告'.repeat(3000); // 9000 bytes
  const fitted = fitMarkdown(long);
  expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(4096);
  expect(fitted.endsWith('…')).toBe(true);
  expect(fitMarkdown('short')).toBe('short');
});

test('the robot message has the subject as a heading and mentions all when asked', () => {
  const m = { eventType: 'alert.firing', severity: 'critical' as const, subject: 'S', body: 'B' };
  expect(robotMarkdown(m)).toBe('### S\nB');
  expect(robotMarkdown(m, true)).toBe('### S\nB\n<@all>');
});

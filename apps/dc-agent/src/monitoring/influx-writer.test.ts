import { describe, expect, it } from 'vitest';
import { writeApiFor } from './influx-writer';

describe('writeApiFor (from /ping X-Influxdb-Version)', () => {
  it.each([
    ['1.6.7~rc0', 'v1'],
    ['1.7.10', 'v1'],
    ['1.8.10', 'v2'],
    ['v2.7.4', 'v2'],
    ['3.0.1', 'v2'],
    [null, 'v1'],
    ['yunguan-agent-0.1.0', 'v1'],
  ] as const)('%s → %s', (version, api) => {
    expect(writeApiFor(version)).toBe(api);
  });
});

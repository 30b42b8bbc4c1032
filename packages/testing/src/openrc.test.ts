import { describe, expect, it } from 'vitest';
import { parseOpenrc } from './openrc';

describe('parseOpenrc', () => {
  it("reads the agent's single-quoted values and DevStack's double-quoted or bare ones", () => {
    const text = [
      "export OS_PASSWORD='it'\\''s secret'",
      'export OS_AUTH_URL="http://10.0.0.1/identity/v3"',
      'export OS_IDENTITY_API_VERSION=3',
      '# export OS_IGNORED=1',
      'unset OS_TOKEN',
    ].join('\n');
    expect(parseOpenrc(text)).toEqual({
      OS_PASSWORD: "it's secret",
      OS_AUTH_URL: 'http://10.0.0.1/identity/v3',
      OS_IDENTITY_API_VERSION: '3',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CloudError, kindOfStatus, redactBody } from './cloud-error';

describe('CloudError', () => {
  it('names provider, service, method, URL, expected and actual status', () => {
    const error = new CloudError({
      kind: 'not-found',
      provider: 'openstack',
      service: 'compute',
      method: 'GET',
      url: 'http://dc/compute/v2.1/servers/x?token=abc',
      expected: [200],
      actual: 404,
      requestId: 'req-1',
      upstreamMessage: 'Instance x could not be found.',
    });
    expect(error.message).toBe(
      'openstack compute: GET http://dc/compute/v2.1/servers/x?token=*** expected 200, got 404: Instance x could not be found.',
    );
    expect(error.url).not.toContain('abc');
    expect(error.requestId).toBe('req-1');
  });

  it('redacts secrets and truncates long bodies', () => {
    const body = `{"auth":{"password":"hunter2","adminPass": "p@ss"},"x":"${'a'.repeat(3000)}"}`;
    const redacted = redactBody(body);
    expect(redacted).not.toContain('hunter2');
    expect(redacted).not.toContain('p@ss');
    expect(redacted.length).toBeLessThan(2_100);
    expect(redacted).toMatch(/…\(\d+ bytes\)$/);
  });

  it('maps statuses to kinds', () => {
    expect([400, 401, 403, 404, 409, 413, 429, 503, 500].map(kindOfStatus)).toEqual([
      'bad-request',
      'unauthorized',
      'forbidden',
      'not-found',
      'conflict',
      'quota-exceeded',
      'rate-limited',
      'unavailable',
      'unexpected',
    ]);
  });
});

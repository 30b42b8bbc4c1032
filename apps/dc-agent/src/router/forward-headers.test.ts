import { describe, expect, it } from 'vitest';
import { secretHeader } from './check-secret';
import { upstreamRequestHeaders } from './forward-headers';

const sim = { target: new URL('http://127.0.0.1:40123/compute/v2.1/'), forwardedPrefix: null };
const root = { target: new URL('http://10.0.0.5:8774/v2.1/'), forwardedPrefix: '/compute' };

describe('upstreamRequestHeaders', () => {
  it('sends the upstream its own Host and the address the caller used as X-Forwarded-*', () => {
    const out = upstreamRequestHeaders(
      { host: '127.0.0.1:6080', 'x-auth-token': 't', connection: 'keep-alive' },
      sim,
    );
    expect(out).toEqual({
      host: '127.0.0.1:40123',
      'x-auth-token': 't',
      'x-forwarded-host': '127.0.0.1:6080',
      'x-forwarded-proto': 'http',
    });
  });

  it('adds the route prefix when the upstream is served at its root', () => {
    const out = upstreamRequestHeaders({ host: 'dc.example.test:8443' }, root);
    expect(out['x-forwarded-host']).toBe('dc.example.test:8443');
    expect(out['x-forwarded-prefix']).toBe('/compute');
  });

  it("keeps a front proxy's well-formed X-Forwarded-* and joins its prefix with the route's", () => {
    const out = upstreamRequestHeaders(
      {
        host: '127.0.0.1:6080',
        'x-forwarded-host': 'portal.example.test, inner',
        'x-forwarded-proto': 'https',
        'x-forwarded-prefix': '/dc/7',
      },
      root,
    );
    expect(out['x-forwarded-host']).toBe('portal.example.test');
    expect(out['x-forwarded-proto']).toBe('https');
    expect(out['x-forwarded-prefix']).toBe('/dc/7/compute');
  });

  it('ignores malformed forwarded values and never passes the agent secret on', () => {
    const out = upstreamRequestHeaders(
      {
        host: '127.0.0.1:6080',
        'x-forwarded-host': 'evil"/x',
        'x-forwarded-proto': 'https',
        'x-forwarded-prefix': '/a b',
        [secretHeader]: 's3cret',
      },
      sim,
    );
    expect(out['x-forwarded-host']).toBe('127.0.0.1:6080');
    expect(out['x-forwarded-proto']).toBe('http');
    expect(out['x-forwarded-prefix']).toBeUndefined();
    expect(out[secretHeader]).toBeUndefined();
  });
});

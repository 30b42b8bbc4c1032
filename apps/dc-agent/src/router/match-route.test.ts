import { describe, expect, it } from 'vitest';
import { matchRoute } from './match-route';

const upstreams = {
  compute: 'http://10.0.0.5:8774',
  identity: 'http://keystone.dc:5000/identity/',
  'load-balancer': 'https://octavia:9876',
};

describe('matchRoute', () => {
  it('maps a prefix to its upstream, keeping the rest of the path and the query', () => {
    expect(matchRoute('/compute/v2.1/servers/detail?limit=10', upstreams)?.target.href).toBe(
      'http://10.0.0.5:8774/v2.1/servers/detail?limit=10',
    );
    expect(matchRoute('/load-balancer/v2/lbaas/loadbalancers', upstreams)?.target.href).toBe(
      'https://octavia:9876/v2/lbaas/loadbalancers',
    );
  });

  it('joins onto an upstream base path', () => {
    expect(matchRoute('/identity/v3/auth/tokens', upstreams)?.target.href).toBe(
      'http://keystone.dc:5000/identity/v3/auth/tokens',
    );
    expect(matchRoute('/identity', upstreams)?.target.href).toBe(
      'http://keystone.dc:5000/identity',
    );
  });

  it('matches whole segments only', () => {
    expect(matchRoute('/computex/v2.1', upstreams)).toBeNull();
    expect(matchRoute('/compute', upstreams)?.target.href).toBe('http://10.0.0.5:8774/');
  });

  it('refuses unknown prefixes, unconfigured upstreams and dot segments', () => {
    expect(matchRoute('/etc/passwd', upstreams)).toBeNull();
    expect(matchRoute('/network/v2.0/networks', upstreams)).toBeNull();
    expect(matchRoute('/compute/../identity/v3', upstreams)).toBeNull();
    expect(matchRoute('/compute/%2e%2e/x', upstreams)).toBeNull();
  });

  it('names the prefix the upstream does not see (X-Forwarded-Prefix) only for root-served upstreams', () => {
    expect(matchRoute('/compute/v2.1/', upstreams)?.forwardedPrefix).toBe('/compute');
    expect(matchRoute('/identity/v3', upstreams)?.forwardedPrefix).toBeNull();
    expect(
      matchRoute('/volume/v3', { volume: 'http://127.0.0.1:9/volume' })?.forwardedPrefix,
    ).toBeNull();
  });
});

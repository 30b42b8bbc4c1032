import { describe, expect, it } from 'vitest';
import { rewriteCatalog, rewriteEndpointUrl } from './rewrite-catalog';

const upstreams = {
  identity: 'http://controller:5000',
  compute: 'http://controller:8774',
  network: 'http://controller:9696/',
  image: 'http://10.0.0.9:9292',
  volume: 'http://controller:8776',
};
const base = 'http://127.0.0.1:20001';

/** Shaped like a Keystone v3 POST /v3/auth/tokens body (trimmed). */
const tokenBody = {
  token: {
    methods: ['password'],
    expires_at: '2030-01-01T00:00:00.000000Z',
    project: { id: 'p1', name: 'demo', domain: { id: 'default', name: 'Default' } },
    catalog: [
      {
        type: 'compute',
        name: 'nova',
        id: 's1',
        endpoints: [
          {
            id: 'e1',
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://controller:8774/v2.1/p1',
          },
          {
            id: 'e2',
            interface: 'internal',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://controller:8774/v2.1',
          },
        ],
      },
      {
        type: 'identity',
        name: 'keystone',
        id: 's2',
        endpoints: [
          {
            id: 'e3',
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://controller:5000/v3/',
          },
        ],
      },
      {
        type: 'network',
        name: 'neutron',
        id: 's3',
        endpoints: [
          {
            id: 'e4',
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://controller:9696',
          },
        ],
      },
      {
        type: 'image',
        name: 'glance',
        id: 's4',
        endpoints: [
          {
            id: 'e5',
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://glance.public.example:9292',
          },
        ],
      },
      {
        type: 'volumev3',
        name: 'cinderv3',
        id: 's5',
        endpoints: [
          {
            id: 'e6',
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://controller:8776/v3/p1',
          },
        ],
      },
      {
        type: 'object-store',
        name: 'swift',
        id: 's6',
        endpoints: [
          {
            id: 'e7',
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url: 'http://swift:8080/v1/AUTH_p1',
          },
        ],
      },
    ],
  },
};

describe('rewriteCatalog', () => {
  it('points every routable endpoint of a token back through the tunnel', () => {
    const out = rewriteCatalog(tokenBody, base, upstreams) as typeof tokenBody;
    const urls = out.token.catalog.flatMap((s) => s.endpoints.map((e) => e.url));
    expect(urls).toEqual([
      'http://127.0.0.1:20001/compute/v2.1/p1',
      'http://127.0.0.1:20001/compute/v2.1',
      'http://127.0.0.1:20001/identity/v3/',
      'http://127.0.0.1:20001/network',
      // not under the configured upstream, but its service type is routable
      'http://127.0.0.1:20001/image',
      'http://127.0.0.1:20001/volume/v3/p1',
      // no route for object-store: left alone
      'http://swift:8080/v1/AUTH_p1',
    ]);
  });

  it('keeps everything else in the body', () => {
    const out = rewriteCatalog(tokenBody, base, upstreams) as typeof tokenBody;
    expect(out.token.project).toEqual(tokenBody.token.project);
    expect(out.token.catalog[0]?.endpoints[0]).toMatchObject({
      id: 'e1',
      interface: 'public',
      region: 'RegionOne',
    });
    expect(tokenBody.token.catalog[0]?.endpoints[0]?.url).toBe('http://controller:8774/v2.1/p1');
  });

  it('rewrites a bare catalog body (GET /v3/auth/catalog) and ignores other bodies', () => {
    const catalog = { catalog: tokenBody.token.catalog.slice(0, 1), links: {} };
    const out = rewriteCatalog(catalog, base, upstreams) as typeof catalog;
    expect(out.catalog[0]?.endpoints[0]?.url).toBe('http://127.0.0.1:20001/compute/v2.1/p1');
    expect(rewriteCatalog({ error: { code: 401 } }, base, upstreams)).toEqual({
      error: { code: 401 },
    });
    expect(rewriteCatalog(null, base, upstreams)).toBeNull();
  });
});

describe('rewriteEndpointUrl', () => {
  it('uses the longest matching upstream base path', () => {
    const nested = { identity: 'http://h:80/identity', compute: 'http://h:80/compute/v2.1' };
    expect(rewriteEndpointUrl('http://h/compute/v2.1/p1', 'compute', base, nested)).toBe(
      'http://127.0.0.1:20001/compute/p1',
    );
    expect(rewriteEndpointUrl('http://h/identity/v3', 'identity', base, nested)).toBe(
      'http://127.0.0.1:20001/identity/v3',
    );
  });

  it('keeps query strings and leaves unparsable URLs alone', () => {
    expect(rewriteEndpointUrl('http://controller:8774/v2.1?x=1', 'compute', base, upstreams)).toBe(
      'http://127.0.0.1:20001/compute/v2.1?x=1',
    );
    expect(rewriteEndpointUrl('not a url', 'compute', base, upstreams)).toBe('not a url');
  });
});

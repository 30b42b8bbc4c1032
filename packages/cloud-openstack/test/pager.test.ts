import { describe, expect, it } from 'vitest';
import { listAll, nextLinkOf } from '../src/pager';
import { ProviderClient } from '../src/provider-client';
import { serviceClients } from '../src/service-client';
import { imageSchema } from '../src/services/image/v2/images/results';
import { projectSchema } from '../src/services/identity/v3/projects/results';
import { loadFixture, zedAuth } from './load-fixture';
import { replayFetch } from './recorded-fetch';

// RECORDED responses of the simulator's Glance and Keystone (test/fixtures/sim-images-paged.json).

describe('the one pager', () => {
  it('reads next links in every shape the services use', () => {
    expect(
      nextLinkOf(
        { servers_links: [{ rel: 'next', href: 'http://x/servers?marker=a' }] },
        'servers',
      ),
    ).toBe('http://x/servers?marker=a');
    expect(nextLinkOf({ links: [{ rel: 'next', href: '/v2.0/ports?marker=b' }] }, 'ports')).toBe(
      '/v2.0/ports?marker=b',
    );
    expect(nextLinkOf({ links: { self: 's', previous: null, next: null } }, 'projects')).toBeNull();
    expect(nextLinkOf({ links: { next: 'http://k/v3/projects?page=2' } }, 'projects')).toBe(
      'http://k/v3/projects?page=2',
    );
    expect(nextLinkOf({ images: [], next: '/v2/images?marker=c' }, 'images')).toBe(
      '/v2/images?marker=c',
    );
    expect(nextLinkOf({ images: [], first: '/v2/images' }, 'images')).toBeNull();
  });

  it('follows Glance’s relative `next` through our own endpoint and stops at Keystone’s null', async () => {
    const recorded = loadFixture('sim-images-paged.json');
    const replay = replayFetch(recorded);
    const s = serviceClients(
      new ProviderClient({
        ...zedAuth,
        authUrl: recorded[0]?.request.url.replace(/\/auth\/tokens$/, '') ?? '',
        fetch: replay.fetch,
      }),
    );
    const admin = { scope: 'default' as const };
    const images = await listAll(s.image, admin, {
      path: 'images',
      key: 'images',
      item: imageSchema,
      pageSize: 1,
    });
    expect(images).toHaveLength(2);
    expect(replay.sent[2]?.url).toMatch(/\/image\/v2\/images\?limit=1&marker=[0-9a-f-]{36}$/);
    const projects = await listAll(s.identity, admin, {
      path: 'projects',
      key: 'projects',
      item: projectSchema,
    });
    expect(projects.map((p) => p.name)).toContain('admin');
    expect(replay.remaining()).toBe(0);
  });
});

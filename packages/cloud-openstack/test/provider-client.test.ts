import { isCloudError, type CloudError } from '@yunguan/cloud-core';
import { describe, expect, it } from 'vitest';
import { listAll } from '../src/pager';
import { ProviderClient } from '../src/provider-client';
import { serviceClients } from '../src/service-client';
import { flavorSchema } from '../src/services/compute/v2/flavors/results';
import { getServer } from '../src/services/compute/v2/servers/requests';
import { loadFixture, zedAuth } from './load-fixture';
import { replayFetch } from './recorded-fetch';

// Unit tests against RECORDED responses of Debian's OpenStack Zed (test/fixtures/zed-*.json,
// captured by test/fixtures/record-fixtures.ts, tokens redacted).

const admin = { scope: 'default' as const };
const caught = async (promise: Promise<unknown>): Promise<CloudError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCloudError(error)) throw new Error(`expected a CloudError, got ${String(error)}`);
  return error;
};

describe('ProviderClient (recorded Zed answers)', () => {
  it('logs in with the password, keeps the subject token and picks public endpoints', async () => {
    const replay = replayFetch(loadFixture('zed-auth-flavors-paged.json'));
    const client = new ProviderClient({ ...zedAuth, fetch: replay.fetch });
    const token = await client.token('default');
    expect(token.id).toBe('gAAAAA-recorded-token-redacted');
    expect(token.projectId).toMatch(/^[0-9a-f]{32}$/);
    expect(client.endpoint(token, 'compute')).toBe('http://127.0.0.1:8774/v2.1');
    expect(client.endpoint(token, 'network')).toBe('http://127.0.0.1:9696');
    expect(client.endpoint(token, 'block-storage')).toMatch(/^http:\/\/127\.0\.0\.1:8776\/v3\//);
    expect(client.endpoint(token, 'identity')).toBe('http://127.0.0.1:5000/v3');
    const login = replay.sent[0];
    expect(login?.method).toBe('POST');
    expect(login?.url).toBe('http://127.0.0.1:5000/v3/auth/tokens');
    expect(login?.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
    // A second call reuses the cached token (no further login).
    await client.token('default');
    expect(replay.sent).toHaveLength(1);
  });

  it('refuses a region the catalog does not serve', async () => {
    const replay = replayFetch(loadFixture('zed-auth-flavors-paged.json'));
    const client = new ProviderClient({ ...zedAuth, regionName: 'Mars', fetch: replay.fetch });
    const token = await client.token('default');
    const error = (() => {
      try {
        client.endpoint(token, 'compute');
      } catch (e) {
        return e;
      }
    })();
    expect(isCloudError(error) && error.kind).toBe('unavailable');
    expect(String(error)).toContain('no public compute endpoint in region Mars');
  });

  it('follows Nova next links with one pager and sends the pinned microversion', async () => {
    const replay = replayFetch(loadFixture('zed-auth-flavors-paged.json'));
    const { compute } = serviceClients(new ProviderClient({ ...zedAuth, fetch: replay.fetch }));
    const flavors = await listAll(compute, admin, {
      path: 'flavors/detail',
      key: 'flavors',
      item: flavorSchema,
      microversion: '2.79',
      pageSize: 1,
    });
    expect(flavors.map((f) => f.name).sort()).toEqual(['m1.small', 'm1.tiny']);
    expect(replay.remaining()).toBe(0);
    const page2 = replay.sent[2];
    expect(page2?.url).toContain('marker=');
    expect(page2?.headers['openstack-api-version']).toBe('compute 2.79');
    expect(page2?.headers['x-auth-token']).toBe('gAAAAA-recorded-token-redacted');
  });

  it('logs in again once when a token is refused (401) and repeats the call', async () => {
    const replay = replayFetch(loadFixture('zed-reauth.json'));
    const client = new ProviderClient({ ...zedAuth, fetch: replay.fetch });
    await client.token('default');
    const { compute } = serviceClients(client);
    const flavors = await listAll(compute, admin, {
      path: 'flavors/detail',
      key: 'flavors',
      item: flavorSchema,
    });
    expect(flavors).toHaveLength(2);
    expect(replay.sent.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET']);
    expect(replay.remaining()).toBe(0);
  });

  it('turns a wrong password into an unauthorized CloudError with Keystone’s words', async () => {
    const replay = replayFetch(loadFixture('zed-bad-password.json'));
    const client = new ProviderClient({ ...zedAuth, password: 'wrong', fetch: replay.fetch });
    const error = await caught(client.token('default'));
    expect(error.kind).toBe('unauthorized');
    expect(error.service).toBe('identity');
    expect(error.upstreamMessage).toBe('The request you have made requires authentication.');
    expect(error.body).not.toContain('wrong');
  });

  it('parses Nova, Neutron, Glance and Keystone error bodies into CloudErrors', async () => {
    const replay = replayFetch(loadFixture('zed-errors.json'));
    const s = serviceClients(new ProviderClient({ ...zedAuth, fetch: replay.fetch }));
    const nova = await caught(getServer(s.compute, admin, 'no-such-server'));
    expect(nova).toMatchObject({
      kind: 'not-found',
      provider: 'openstack',
      service: 'compute',
      method: 'GET',
      url: 'http://127.0.0.1:8774/v2.1/servers/no-such-server',
      expected: [200],
      actual: 404,
      upstreamMessage: 'Instance no-such-server could not be found.',
    });
    expect(nova.requestId).toMatch(/^req-/);
    expect(nova.requestId).not.toBe(replay.sent[1]?.headers['x-openstack-request-id']);
    const neutron = await caught(
      s.network.request(admin, {
        method: 'GET',
        path: 'networks/no-such-network',
        expected: [200],
      }),
    );
    expect(neutron.url).toBe('http://127.0.0.1:9696/v2.0/networks/no-such-network');
    expect(neutron.upstreamMessage).toBe('Network no-such-network could not be found.');
    const glance = await caught(
      s.image.request(admin, {
        method: 'GET',
        path: 'images/00000000-0000-0000-0000-000000000000',
        expected: [200],
      }),
    );
    expect(glance.upstreamMessage).toBe(
      'No image found with ID 00000000-0000-0000-0000-000000000000',
    );
    const keystone = await caught(
      s.identity.request(admin, {
        method: 'GET',
        path: 'projects/no-such-project',
        expected: [200],
      }),
    );
    expect(keystone.kind).toBe('not-found');
    expect(keystone.upstreamMessage).toBe('Could not find project: no-such-project.');
  });

  it('sends the caller’s request id and reports a transport failure as unavailable', async () => {
    const replay = replayFetch([]);
    const client = new ProviderClient({ ...zedAuth, fetch: replay.fetch });
    const error = await caught(client.token('default', { requestId: 'req-caller-1' }));
    expect(error.kind).toBe('unavailable');
    expect(error.requestId).toBe('req-caller-1');
    expect(replay.sent[0]?.headers['x-openstack-request-id']).toBe('req-caller-1');
  });

  it('honours the deadline and the caller’s signal', async () => {
    const hanging = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });
    const client = new ProviderClient({ ...zedAuth, fetch: hanging });
    const late = await caught(client.token('default', { timeoutMs: 20 }));
    expect(late.kind).toBe('timeout');
    expect(late.upstreamMessage).toBe('no answer before the deadline');
    const controller = new AbortController();
    const pending = client.token('default', { signal: controller.signal });
    controller.abort();
    const cancelled = await caught(pending);
    expect(cancelled.upstreamMessage).toBe('cancelled by the caller');
  });
});

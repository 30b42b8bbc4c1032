import { describe, expect, it } from 'vitest';
import { ensureTenant } from '../src/adapter/ensure-tenant';
import { ProviderClient } from '../src/provider-client';
import { identityService } from '../src/service-client';
import { loadFixture, zedAuth } from './load-fixture';
import { replayFetch } from './recorded-fetch';

// RECORDED Keystone answers (test/fixtures/zed-ensure-tenant-race.json): while ensureTenant ran
// against Zed, another creator made the same domain between our lookup and our POST, so
// Keystone answered 409 — the recording keeps that real race.

describe('ensureTenant', () => {
  it('reads the domain again after a 409 race, creates the project and grants admin + member', async () => {
    const recorded = loadFixture('zed-ensure-tenant-race.json');
    const replay = replayFetch(recorded);
    const client = new ProviderClient({ ...zedAuth, fetch: replay.fetch });
    const domainName = /name=(yg-[^&]+)/.exec(recorded[1]?.request.url ?? '')?.[1] ?? '';
    const binding = await ensureTenant(client, identityService(client), {
      departmentId: domainName.slice(3),
      departmentName: 'Recorded department',
      projectId: domainName.slice(3),
      projectName: 'Recorded project',
    });
    const raced = JSON.parse(recorded[3]?.response.body ?? '{}') as { domains: { id: string }[] };
    expect(binding.domainExternalId).toBe(raced.domains[0]?.id);
    expect(binding.projectExternalId).toMatch(/^[0-9a-f]{32}$/);
    expect(replay.sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /v3/auth/tokens',
      'GET /v3/domains',
      'POST /v3/domains',
      'GET /v3/domains',
      'GET /v3/projects',
      'POST /v3/projects',
      'GET /v3/roles',
      expect.stringMatching(/^PUT \/v3\/projects\/\w+\/users\/\w+\/roles\/\w+$/),
      expect.stringMatching(/^PUT \/v3\/projects\/\w+\/users\/\w+\/roles\/\w+$/),
    ]);
    expect(JSON.parse(replay.sent[5]?.body ?? '{}')).toEqual({
      project: {
        name: domainName,
        domain_id: binding.domainExternalId,
        description: 'Recorded project',
      },
    });
  });
});

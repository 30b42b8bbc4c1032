import { describe, expect, test } from 'vitest';
import { keepPortalExtras } from './sync-project-resources';

const row = (spec: object) => ({
  externalId: 'fip-1',
  name: '203.0.113.5',
  status: 'ACTIVE',
  spec: spec as never,
  projectId: 'p1',
  deletedAt: null,
});
const seen = (spec: object) => ({
  externalId: 'fip-1',
  projectId: 'p1',
  projectExternalId: 'x1',
  name: '203.0.113.5',
  status: 'ACTIVE',
  spec: spec as never,
});
const forwarding = { externalId: 'pf-1', externalPort: 2222, internalPort: 22 };

describe('keepPortalExtras', () => {
  test('a floating IP keeps its port forwardings and server while on the same port', () => {
    const [next] = keepPortalExtras(
      'floating-ip',
      [
        row({
          portExternalId: 'port-a',
          portForwardings: [forwarding],
          server: { id: 's', name: 'vm' },
        }),
      ],
      [seen({ portExternalId: 'port-a' })],
    );
    expect(next!.spec).toEqual({
      portExternalId: 'port-a',
      portForwardings: [forwarding],
      server: { id: 's', name: 'vm' },
    });
  });

  test('moved to another port outside the portal: the server is no longer known', () => {
    const [next] = keepPortalExtras(
      'floating-ip',
      [row({ portExternalId: 'port-a', portForwardings: [], server: { id: 's', name: 'vm' } })],
      [seen({ portExternalId: 'port-b' })],
    );
    expect(next!.spec).toMatchObject({ portExternalId: 'port-b', server: null });
  });

  test('other kinds and new floating IPs are written as the cloud lists them', () => {
    const observed = [seen({ portExternalId: null })];
    expect(keepPortalExtras('floating-ip', [], observed)).toEqual(observed);
    expect(keepPortalExtras('network', [row({ server: 1 })], observed)).toEqual(observed);
  });
});

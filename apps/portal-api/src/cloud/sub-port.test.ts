import { defineCloudProvider, type CloudProvider } from '@yunguan/cloud-core';
import { describe, expect, it } from 'vitest';
import { blockStorageOf, keyPairsOf, networkOf, rememberDatacenterName } from './sub-port';

const never = (): never => {
  throw new Error('not called here');
};

/** A cloud with the core and key pairs only (what a VMware-like adapter may look like). */
const serversOnly: CloudProvider = defineCloudProvider({
  kind: 'vmware',
  coreCapabilities: ['server.create'],
  ensureTenant: never,
  listAvailabilityZones: never,
  listFlavors: never,
  listImages: never,
  getImage: never,
  listNetworks: never,
  listSecurityGroups: never,
  listServerGroups: never,
  getServer: never,
  createServer: never,
  actOnServer: never,
  deleteServer: never,
  findServerByToken: never,
  listAllServers: never,
  followOperation: never,
  discoverCapabilities: never,
  keyPairs: { listKeyPairs: never, createKeyPair: never, deleteKeyPair: never },
});

describe('sub-port lookups', () => {
  it('refuse a cloud without the area with the capability refusal, naming the datacenter', () => {
    rememberDatacenterName(serversOnly, '上海 vCenter');
    for (const [lookup, area] of [
      [blockStorageOf, 'block storage'],
      [networkOf, 'network'],
    ] as const) {
      expect(() => lookup(serversOnly)).toThrow(
        expect.objectContaining({
          code: 'PRECONDITION_FAILED',
          details: {
            reason: 'datacenter_unsupported_action',
            params: { datacenter: '上海 vCenter', action: area },
          },
        }) as Error,
      );
    }
  });

  it('hand out a sub-port the cloud has', () => {
    expect(keyPairsOf(serversOnly)).toBe(serversOnly.keyPairs);
  });
});

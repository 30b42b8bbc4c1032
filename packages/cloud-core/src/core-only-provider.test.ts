import { describe, expect, expectTypeOf, it } from 'vitest';
import { subPortCapabilities, type Capability } from './capabilities';
import type { CloudProvider, CloudProviderCore, SubPortsComplete } from './cloud-provider';
import { defineCloudProvider } from './define-cloud-provider';
import type { ServerDto } from './dto';
import type { OperationHandle } from './operation';

const notHere = (): never => {
  throw new Error('a type-level test: never called');
};

/** An adapter with only the core: a server cloud with no storage, network or anything else. */
const coreOnly = defineCloudProvider({
  kind: 'vmware',
  coreCapabilities: ['server.create', 'server.start-stop'],
  ensureTenant: (tenant) => Promise.resolve({ projectExternalId: `pool-${tenant.projectId}` }),
  listAvailabilityZones: () => Promise.resolve([]),
  listFlavors: () => Promise.resolve([]),
  listImages: () => Promise.resolve([]),
  getImage: notHere,
  listNetworks: () => Promise.resolve([]),
  listSecurityGroups: () => Promise.resolve([]),
  listServerGroups: () => Promise.resolve([]),
  getServer: (): Promise<ServerDto> => notHere(),
  createServer: (): Promise<OperationHandle> => notHere(),
  actOnServer: (): Promise<OperationHandle> => notHere(),
  deleteServer: (): Promise<OperationHandle> => notHere(),
  findServerByToken: () => Promise.resolve(null),
  listAllServers: () => Promise.resolve([]),
  followOperation: notHere,
  discoverCapabilities: () => Promise.resolve(new Set<Capability>()),
});

describe('a provider with only the core', () => {
  it('has one port type per sub-port name', () => {
    expectTypeOf<SubPortsComplete>().toEqualTypeOf<true>();
  });

  it('compiles, is a CloudProvider, and has no sub-port in its type', () => {
    expectTypeOf(coreOnly).toMatchTypeOf<CloudProviderCore>();
    expectTypeOf(coreOnly).toMatchTypeOf<CloudProvider>();
    expectTypeOf(coreOnly).not.toHaveProperty('blockStorage');
    expectTypeOf(coreOnly).not.toHaveProperty('network');
    expectTypeOf(coreOnly).not.toHaveProperty('loadBalancing');
    expectTypeOf(coreOnly).not.toHaveProperty('firewall');
    // @ts-expect-error — the compiler knows this cloud has no block storage
    void coreOnly.blockStorage;
    // @ts-expect-error — … and no network
    void coreOnly.network;
  });

  it('has exactly its core capabilities: none of storage or network, in type and value', () => {
    expectTypeOf(coreOnly.capabilities).toEqualTypeOf<
      ReadonlySet<'server.create' | 'server.start-stop'>
    >();
    // @ts-expect-error — 'volume.manage' is not a capability this provider can have
    coreOnly.capabilities.has('volume.manage');
    // @ts-expect-error — nor 'network.manage'
    coreOnly.capabilities.has('network.manage');
    expect([...coreOnly.capabilities].sort()).toEqual(['server.create', 'server.start-stop']);
    const lacking = [...subPortCapabilities.blockStorage, ...subPortCapabilities.network];
    for (const capability of lacking)
      expect((coreOnly.capabilities as ReadonlySet<Capability>).has(capability)).toBe(false);
  });

  it('gains a sub-port’s capabilities when the sub-port is present', () => {
    const withKeys = defineCloudProvider({
      ...coreOnly,
      keyPairs: {
        listKeyPairs: () => Promise.resolve([]),
        createKeyPair: notHere,
        deleteKeyPair: () => Promise.resolve(undefined),
      },
    });
    expectTypeOf(withKeys.keyPairs).toHaveProperty('listKeyPairs');
    expectTypeOf<'keypair'>().toMatchTypeOf<
      typeof withKeys.capabilities extends ReadonlySet<infer C> ? C : never
    >();
    expect(withKeys.capabilities.has('keypair')).toBe(true);
    expect((withKeys.capabilities as ReadonlySet<Capability>).has('volume.manage')).toBe(false);
  });

  it('leaves a sub-port optional on CloudProvider: callers must check it', () => {
    const held: CloudProvider = coreOnly;
    expectTypeOf(held.blockStorage).toEqualTypeOf<CloudProvider['blockStorage']>();
    // @ts-expect-error — possibly undefined
    const unchecked = () => held.blockStorage.listVolumes({ projectExternalId: 'p' });
    expect(unchecked).toThrow(TypeError);
    expect(held.blockStorage).toBeUndefined();
  });
});

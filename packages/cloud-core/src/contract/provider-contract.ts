import { randomBytes, randomUUID } from 'node:crypto';
import {
  isCloudError,
  type CloudProvider,
  type Scope,
  type SubPortName,
  type TenantBinding,
  type TenantRef,
} from '../index';
import type { AppCredentialLogin } from './app-credential-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAppCredentialContract } from './app-credential-contract';
import { describeBaremetalContract } from './baremetal-contract';
import { describeImageContract } from './image-contract';
import { describeNetworkContract } from './network-contract';
import { describeStorageContract } from './storage-contract';
import { describeConsoleContract } from './console-contract';
import { describeKeyPairContract } from './key-pair-contract';
import { settle, succeeded } from './settle';

/** What a cloud gives the suite: the provider under test and the objects it may use. */
export type ContractSetup = {
  provider: CloudProvider;
  cleanup: () => Promise<void>;
  /** An active image and a network the suite's new project can use. */
  imageExternalId: string;
  networkExternalId: string;
  /** A small flavor, a bigger one to resize to, and one no host can hold. */
  flavorExternalId: string;
  resizeFlavorExternalId: string;
  hugeFlavorExternalId: string;
  /** Remove the department/project the suite created (the port has no such verb). */
  removeTenant: (binding: TenantBinding) => Promise<void>;
  /** Whether this peer runs Ironic (its catalog has a bare-metal endpoint). */
  baremetal: 'present' | 'absent';
  /** Where Ironic runs: a node (not in maintenance) the suite may power and manage. */
  baremetalNodeExternalId?: string;
  /** The adapter's own checks of the binding ensureTenant returned (e.g. a Keystone domain). */
  checkBinding: (binding: TenantBinding) => void;
  /**
   * Log in with an application credential the way the cloud's CLI does (runners that declare
   * `appCredentials`); the answer in Keystone's token shape, null body when refused.
   */
  loginWithAppCredential?: (id: string, secret: string) => Promise<AppCredentialLogin>;
  /** An external network (router:external) with an IPv4 subnet, for gateways and floating IPs. */
  externalNetworkExternalId: string;
  /** Whether Neutron has fwaas_v2, the catalog Octavia, Neutron floating-ip-port-forwarding. */
  firewall: 'present' | 'absent';
  loadBalancer: 'present' | 'absent';
  portForwarding: 'present' | 'absent';
  /** What Cinder does with a volume from an image (real Zed's fake driver ends it in error). */
  volumeFromImage?: 'works' | 'fails-on-fake-driver';
  /** What Cinder does when asked to extend (real Zed's fake driver ends it in error_extending). */
  volumeExtend?: 'works' | 'fails-on-fake-driver';
  /** Whether a cinder-backup service runs. */
  volumeBackup?: 'present' | 'absent';
};

/**
 * Parts of the contract a peer must declare up front (the suite is built before setup): the
 * sub-ports its adapter provides. The core cases always run; each declared sub-port's cases run
 * (and fail, never skip, if the provider lacks it); an undeclared one's cases are not built.
 */
export type ContractOptions = {
  subPorts: readonly SubPortName[];
};

const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the runner declared appCredentials without ${what}`);
  return value;
};

/** One suite every CloudProvider adapter must pass, against the simulator and the real cloud. */
export const describeProviderContract = (
  name: string,
  setup: () => Promise<ContractSetup>,
  contractOptions: ContractOptions,
) => {
  const declared = (name: SubPortName) => contractOptions.subPorts.includes(name);
  describe(`CloudProvider contract: ${name}`, () => {
    let env: ContractSetup;
    let provider: CloudProvider;
    let binding: TenantBinding | undefined;
    let scope: Scope;
    let serverId = '';
    const token = `contract-${randomUUID()}`;
    const suffix = randomBytes(4).toString('hex');
    const tenant: TenantRef = {
      departmentId: `contract-dept-${suffix}`,
      departmentName: '合约测试部门',
      projectId: `contract-proj-${suffix}`,
      projectName: 'Contract project',
    };
    const startedAt = new Date(Date.now() - 5_000);

    beforeAll(async () => {
      env = await setup();
      provider = env.provider;
    }, 120_000);

    afterAll(async () => {
      try {
        if (binding !== undefined) {
          if (serverId !== '') await settle(provider, await provider.deleteServer(scope, serverId));
          await env.removeTenant(binding);
        }
      } finally {
        await env?.cleanup();
      }
    }, 120_000);

    it('ensureTenant makes the domain and project once and returns the same ids again', async () => {
      binding = await provider.ensureTenant(tenant);
      scope = { projectExternalId: binding.projectExternalId };
      expect(binding.projectExternalId).not.toBe('');
      env.checkBinding(binding);
      expect(await provider.ensureTenant(tenant)).toEqual(binding);
    });

    it('lists availability zones, flavors, images and networks the project can use', async () => {
      const zones = await provider.listAvailabilityZones();
      expect(zones.some((z) => z.available)).toBe(true);
      const flavors = await provider.listFlavors();
      const ids = flavors.map((f) => f.externalId);
      expect(ids).toEqual(
        expect.arrayContaining([env.flavorExternalId, env.resizeFlavorExternalId]),
      );
      const images = await provider.listImages(scope);
      expect(images.find((i) => i.externalId === env.imageExternalId)).toMatchObject({
        status: 'active',
        visibility: 'public',
      });
      const networks = await provider.listNetworks(scope);
      expect(networks.find((n) => n.externalId === env.networkExternalId)?.shared).toBe(true);
    });

    if (declared('keyPairs')) describeKeyPairContract(() => ({ provider, scope }));

    it('creates a server that becomes active, found by its idempotency token', async () => {
      const handle = await provider.createServer(scope, {
        name: `contract-${suffix}`,
        flavorExternalId: env.flavorExternalId,
        imageExternalId: env.imageExternalId,
        networkExternalIds: [env.networkExternalId],
        userData: '#cloud-config\n',
        idempotencyToken: token,
      });
      expect(handle).toMatchObject({ kind: 'server.create', settlesOn: ['active'] });
      serverId = handle.externalId;
      const done = await succeeded(provider, handle);
      expect(done.resource?.status).toBe('active');
      expect(done.resource?.addresses.length).toBeGreaterThan(0);
      expect((await provider.findServerByToken(scope, token))?.externalId).toBe(serverId);
      expect(await provider.findServerByToken(scope, `other-${token}`)).toBeNull();
    }, 90_000);

    it('lists the server among all servers, also by changes-since', async () => {
      const all = await provider.listAllServers({});
      expect(all.find((s) => s.externalId === serverId)?.projectExternalId).toBe(
        scope.projectExternalId,
      );
      const changed = await provider.listAllServers({ changesSince: startedAt });
      expect(changed.map((s) => s.externalId)).toContain(serverId);
    });

    it('stops, starts and reboots the server', async () => {
      const stop = await provider.actOnServer(scope, serverId, { type: 'stop' });
      expect(stop.settlesOn).toEqual(['stopped']);
      expect((await succeeded(provider, stop)).resource?.status).toBe('stopped');
      const start = await provider.actOnServer(scope, serverId, { type: 'start' });
      expect((await succeeded(provider, start)).resource?.status).toBe('active');
      const reboot = await provider.actOnServer(scope, serverId, { type: 'reboot', hard: false });
      expect((await succeeded(provider, reboot)).resource?.status).toBe('active');
    }, 90_000);

    it('resizes the server and confirms the resize', async () => {
      const resize = await provider.actOnServer(scope, serverId, {
        type: 'resize',
        flavorExternalId: env.resizeFlavorExternalId,
      });
      expect((await succeeded(provider, resize)).resource?.status).toBe('verify-resize');
      const confirm = await provider.actOnServer(scope, serverId, { type: 'confirm-resize' });
      const done = await succeeded(provider, confirm);
      expect(done.resource?.status).toBe('active');
      expect(done.resource?.flavor.name).toBe('m1.small');
    }, 90_000);

    it('fails a resize no host can hold and leaves the server active', async () => {
      // Real Nova accepts the resize (202) and the conductor rolls it back to ACTIVE; the
      // simulator's scheduler refuses it at once (400). Both must say "no valid host".
      let reason: string;
      try {
        const resize = await provider.actOnServer(scope, serverId, {
          type: 'resize',
          flavorExternalId: env.hugeFlavorExternalId,
        });
        const progress = await settle(provider, resize);
        expect(progress.state).toBe('failed');
        reason = progress.state === 'failed' ? progress.reason : '';
      } catch (error) {
        if (!isCloudError(error)) throw error;
        expect(error.kind).toBe('bad-request');
        reason = error.upstreamMessage ?? '';
      }
      expect(reason).toMatch(/no valid host/i);
      expect((await provider.getServer(scope, serverId)).status).toBe('active');
    }, 90_000);

    it('locks and unlocks the server', async () => {
      const lock = await provider.actOnServer(scope, serverId, { type: 'lock' });
      expect((await succeeded(provider, lock)).resource?.locked).toBe(true);
      const unlock = await provider.actOnServer(scope, serverId, { type: 'unlock' });
      expect((await succeeded(provider, unlock)).resource?.locked).toBe(false);
    });

    if (declared('console')) describeConsoleContract(() => ({ provider, scope, serverId }));

    it('deletes the server, deleting it again settles at once, changes-since shows it deleted', async () => {
      await succeeded(provider, await provider.deleteServer(scope, serverId));
      await expect(provider.getServer(scope, serverId)).rejects.toMatchObject({
        kind: 'not-found',
      });
      const again = await provider.deleteServer(scope, serverId);
      expect((await provider.followOperation(again)).state).toBe('succeeded');
      const changed = await provider.listAllServers({ changesSince: startedAt });
      expect(changed.find((s) => s.externalId === serverId)?.status).toBe('deleted');
    }, 90_000);

    it('reports a missing server as a not-found CloudError', async () => {
      const error: unknown = await provider.getServer(scope, randomUUID()).catch((e: unknown) => e);
      expect(isCloudError(error) && error.kind).toBe('not-found');
    });

    it('fails a server no host can hold with the cloud’s “no valid host” reason', async () => {
      const handle = await provider.createServer(scope, {
        name: `contract-huge-${suffix}`,
        flavorExternalId: env.hugeFlavorExternalId,
        imageExternalId: env.imageExternalId,
        networkExternalIds: [env.networkExternalId],
      });
      const progress = await settle(provider, handle);
      await succeeded(provider, await provider.deleteServer(scope, handle.externalId));
      expect(progress.state).toBe('failed');
      expect(progress.state === 'failed' && progress.reason).toMatch(/no valid host/i);
    }, 90_000);

    if (declared('images')) describeImageContract(() => ({ provider, scope }), suffix);
    if (declared('blockStorage'))
      describeStorageContract(() => ({ provider, scope, setup: env }), suffix);
    if (declared('network'))
      describeNetworkContract(() => ({ ...env, provider, scope }), suffix, {
        firewall: declared('firewall'),
        loadBalancing: declared('loadBalancing'),
      });
    if (declared('baremetal'))
      describeBaremetalContract(() => ({
        provider,
        baremetal: env.baremetal,
        nodeId: env.baremetalNodeExternalId,
      }));
    if (declared('appCredentials')) {
      describeAppCredentialContract(() => ({
        provider,
        scope,
        login: required(env.loginWithAppCredential, 'loginWithAppCredential'),
      }));
    }
  });
};

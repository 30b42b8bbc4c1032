import { randomBytes } from 'node:crypto';
import { isCloudError, type TenantBinding } from '@yunguan/cloud-core';
import { expect } from 'vitest';
import { ProviderClient, type AuthOptions } from '../../src/provider-client';
import { serviceClients, type Call } from '../../src/service-client';
import {
  createFlavor,
  deleteFlavor,
  listFlavors,
} from '../../src/services/compute/v2/flavors/requests';
import {
  createImage,
  deleteImage,
  getImage,
  uploadImageData,
} from '../../src/services/image/v2/images/requests';
import { updateDomain, deleteDomain } from '../../src/services/identity/v3/domains/requests';
import { deleteProject } from '../../src/services/identity/v3/projects/requests';
import { createNetwork, deleteNetwork } from '../../src/services/network/v2/networks/requests';
import {
  deleteSecurityGroup,
  listSecurityGroups,
} from '../../src/services/network/v2/security-groups/requests';
import { createSubnet } from '../../src/services/network/v2/subnets/requests';
import type { ContractSetup } from '@yunguan/cloud-core/contract';
import { openStackTenantBindingSchema } from '../../src/datacenter-credential';
import { loginWithAppCredential } from './keystone-login';

const admin: Call = { scope: 'default' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait for something the cloud finishes asynchronously (used by setup and cleanup only). */
const until = async <T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
};

export type CloudFixtures = Omit<
  ContractSetup,
  'provider' | 'cleanup' | 'baremetal' | 'firewall' | 'loadBalancer' | 'portForwarding'
> & {
  cleanup: () => Promise<void>;
};

/**
 * What the contract suite needs in a cloud that may be empty, made with our own client as the
 * admin: a shared network with a subnet, a small public image (a few KB of bytes), a flavor no
 * host can hold (10 PB of disk: no quota covers disk, no host has it). Names carry a random
 * suffix so parallel runs never share objects; cleanup removes all of it.
 */
export const prepareCloudFixtures = async (auth: AuthOptions): Promise<CloudFixtures> => {
  const s = serviceClients(new ProviderClient(auth));
  const tag = `yg-contract-${randomBytes(4).toString('hex')}`;
  const undo: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    const errors: unknown[] = [];
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `cleanup of ${tag} failed`);
  };
  try {
    const network = await createNetwork(s.network, admin, { name: tag, shared: true });
    undo.push(() =>
      // Ports of deleted servers go away shortly after the servers.
      until(`network ${tag} to delete`, 30_000, async () => {
        try {
          await deleteNetwork(s.network, admin, network.id);
          return true;
        } catch (error) {
          if (isCloudError(error) && error.kind === 'conflict') return undefined;
          if (isCloudError(error) && error.kind === 'not-found') return true;
          throw error;
        }
      }).then(() => undefined),
    );
    const octet = 16 + ((randomBytes(1)[0] ?? 0) % 200);
    await createSubnet(s.network, admin, {
      name: tag,
      network_id: network.id,
      cidr: `10.${octet}.7.0/24`,
      ip_version: 4,
    });
    // An external network for router gateways and floating IPs. No provider attributes: the
    // cloud picks its tenant type (vxlan on the Zed peer), so parallel runs never fight over
    // the one flat network physnet1 allows.
    const external = await createNetwork(s.network, admin, {
      name: `${tag}-ext`,
      'router:external': true,
    });
    undo.push(() =>
      until(`network ${tag}-ext to delete`, 30_000, async () => {
        try {
          await deleteNetwork(s.network, admin, external.id);
          return true;
        } catch (error) {
          if (isCloudError(error) && error.kind === 'conflict') return undefined;
          if (isCloudError(error) && error.kind === 'not-found') return true;
          throw error;
        }
      }).then(() => undefined),
    );
    await createSubnet(s.network, admin, {
      name: `${tag}-ext`,
      network_id: external.id,
      cidr: `172.${16 + (octet % 16)}.${octet}.0/24`,
      ip_version: 4,
      enable_dhcp: false,
    });
    const image = await createImage(s.image, admin, {
      name: tag,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'public',
    });
    undo.push(() => deleteImage(s.image, admin, image.id));
    await uploadImageData(s.image, admin, image.id, randomBytes(4096));
    await until(`image ${tag} to turn active`, 30_000, async () =>
      (await getImage(s.image, admin, image.id)).status === 'active' ? true : undefined,
    );
    const huge = await createFlavor(s.compute, admin, {
      name: `${tag}-huge`,
      ram: 512,
      vcpus: 1,
      disk: 10_000_000,
    });
    undo.push(() => deleteFlavor(s.compute, admin, huge.id));
    const flavors = await listFlavors(s.compute, admin);
    const byName = (name: string) => {
      const found = flavors.find((f) => f.name === name);
      if (found === undefined) throw new Error(`the cloud has no flavor ${name}`);
      return found.id;
    };
    return {
      imageExternalId: image.id,
      networkExternalId: network.id,
      externalNetworkExternalId: external.id,
      flavorExternalId: byName('m1.tiny'),
      resizeFlavorExternalId: byName('m1.small'),
      hugeFlavorExternalId: huge.id,
      removeTenant: (binding) => removeTenant(auth, binding),
      checkBinding: (binding) => {
        expect(openStackTenantBindingSchema.parse(binding).domainExternalId).not.toBe('');
      },
      loginWithAppCredential: (id, secret) => loginWithAppCredential(auth.authUrl, id, secret),
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
};

/** Drop a tenant the suite made: its default security group, the project, then the domain. */
const removeTenant = async (auth: AuthOptions, tenant: TenantBinding) => {
  const binding = openStackTenantBindingSchema.parse(tenant);
  const s = serviceClients(new ProviderClient(auth));
  const groups = await listSecurityGroups(s.network, admin, {
    project_id: binding.projectExternalId,
  });
  for (const group of groups) await deleteSecurityGroup(s.network, admin, group.id);
  await deleteProject(s.identity, admin, binding.projectExternalId);
  await updateDomain(s.identity, admin, binding.domainExternalId, { enabled: false });
  await deleteDomain(s.identity, admin, binding.domainExternalId);
};

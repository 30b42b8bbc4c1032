import type { CloudProvider, CloudSubPorts, SubPortName } from '@yunguan/cloud-core';
import { precondition } from '@yunguan/domain';

/** Which datacenter a provider serves, for refusals that name it (set by the registry). */
const datacenterNames = new WeakMap<CloudProvider, string>();

export const rememberDatacenterName = (provider: CloudProvider, name: string): void => {
  datacenterNames.set(provider, name);
};

/** How a refusal names the area a cloud lacks (the `action` of the message). */
const areaOf: Record<SubPortName, string> = {
  blockStorage: 'block storage',
  network: 'network',
  loadBalancing: 'load balancer',
  firewall: 'firewall',
  baremetal: 'bare metal',
  hosts: 'hypervisors and aggregates',
  appCredentials: 'application credential',
  console: 'console',
  images: 'image management',
  keyPairs: 'key pair',
};

/**
 * A sub-port of the datacenter's provider, or the capability refusal (409
 * `datacenter_unsupported_action`) when its cloud has none. Services check capabilities before a
 * task exists; this is the same refusal for a caller that reaches a cloud without the area.
 */
export const subPortOf = <K extends SubPortName>(
  provider: CloudProvider,
  name: K,
): CloudSubPorts[K] => {
  const port = provider[name] as CloudSubPorts[K] | undefined;
  if (port === undefined)
    throw precondition('datacenter_unsupported_action', {
      datacenter: datacenterNames.get(provider) ?? provider.kind,
      action: areaOf[name],
    });
  return port;
};

export const blockStorageOf = (p: CloudProvider) => subPortOf(p, 'blockStorage');
export const networkOf = (p: CloudProvider) => subPortOf(p, 'network');
export const loadBalancingOf = (p: CloudProvider) => subPortOf(p, 'loadBalancing');
export const firewallOf = (p: CloudProvider) => subPortOf(p, 'firewall');
export const baremetalOf = (p: CloudProvider) => subPortOf(p, 'baremetal');
export const hostsOf = (p: CloudProvider) => subPortOf(p, 'hosts');
export const appCredentialsOf = (p: CloudProvider) => subPortOf(p, 'appCredentials');
export const consoleOf = (p: CloudProvider) => subPortOf(p, 'console');
export const imagesOf = (p: CloudProvider) => subPortOf(p, 'images');
export const keyPairsOf = (p: CloudProvider) => subPortOf(p, 'keyPairs');

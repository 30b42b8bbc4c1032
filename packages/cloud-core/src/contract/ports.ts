import type { SubPortName } from '../capabilities';
import type { CloudProvider, CloudSubPorts } from '../cloud-provider';

/**
 * A sub-port the runner declared (ContractOptions.subPorts) and the provider must therefore
 * have: its absence fails the case with the reason, it never skips it.
 */
export const declaredPort = <K extends SubPortName>(
  provider: CloudProvider,
  name: K,
): CloudSubPorts[K] => {
  const port = provider[name] as CloudSubPorts[K] | undefined;
  if (port === undefined)
    throw new Error(`the runner declared the ${name} sub-port but the provider has none`);
  return port;
};

export const blockStorageOf = (p: CloudProvider) => declaredPort(p, 'blockStorage');
export const networkOf = (p: CloudProvider) => declaredPort(p, 'network');
export const loadBalancingOf = (p: CloudProvider) => declaredPort(p, 'loadBalancing');
export const firewallOf = (p: CloudProvider) => declaredPort(p, 'firewall');
export const baremetalOf = (p: CloudProvider) => declaredPort(p, 'baremetal');
export const hostsOf = (p: CloudProvider) => declaredPort(p, 'hosts');
export const appCredentialsOf = (p: CloudProvider) => declaredPort(p, 'appCredentials');
export const consoleOf = (p: CloudProvider) => declaredPort(p, 'console');
export const imagesOf = (p: CloudProvider) => declaredPort(p, 'images');
export const keyPairsOf = (p: CloudProvider) => declaredPort(p, 'keyPairs');

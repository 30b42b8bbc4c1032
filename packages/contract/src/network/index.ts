import type { Contract } from '../define-contract';
import { floatingIpContracts } from './floating-ip.contracts';
import { networkSubnetPortContracts } from './network.contracts';
import { quickStartContracts } from './quick-start.contracts';
import { routerContracts } from './router.contracts';
import { securityGroupContracts } from './security-group.contracts';

export * from './network-messages';
export * from './ip-cidr';
export * from './network-rules';
export * from './network.schema';
export * from './router.schema';
export * from './floating-ip.schema';
export * from './security-group.schema';
export * from './quick-start.schema';
export * from './topology.schema';
export * from './network.contracts';
export * from './router.contracts';
export * from './floating-ip.contracts';
export * from './security-group.contracts';
export * from './quick-start.contracts';

/** The network API (M1.5). */
export const networkContracts: readonly Contract[] = [
  ...networkSubnetPortContracts,
  ...routerContracts,
  ...floatingIpContracts,
  ...securityGroupContracts,
  ...quickStartContracts,
];

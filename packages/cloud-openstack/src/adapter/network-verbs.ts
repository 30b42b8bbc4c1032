import type { NetworkPort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import { floatingIpVerbs } from './network-floating-ips';
import { networkResourceVerbs } from './network-networks';
import { routerVerbs } from './network-routers';
import { securityGroupVerbs } from './network-security-groups';

/** Neutron v2.0 (firewalls and load balancers are sub-ports of their own). */
export const networkVerbs = (services: ServiceClients): NetworkPort => ({
  ...networkResourceVerbs(services.network),
  ...routerVerbs(services.network),
  ...floatingIpVerbs(services.network),
  ...securityGroupVerbs(services.network),
});

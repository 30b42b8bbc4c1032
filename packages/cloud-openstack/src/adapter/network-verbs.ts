import type { NetworkPort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import { firewallVerbs } from './network-firewall';
import { floatingIpVerbs } from './network-floating-ips';
import { loadBalancerVerbs } from './network-load-balancers';
import { networkResourceVerbs } from './network-networks';
import { routerVerbs } from './network-routers';
import { securityGroupVerbs } from './network-security-groups';

/** Neutron v2.0 (+ FWaaS v2) and Octavia v2. */
export const networkVerbs = (services: ServiceClients): NetworkPort => ({
  ...networkResourceVerbs(services.network),
  ...routerVerbs(services.network),
  ...floatingIpVerbs(services.network),
  ...securityGroupVerbs(services.network),
  ...firewallVerbs(services.network),
  ...loadBalancerVerbs(services.loadBalancer),
});

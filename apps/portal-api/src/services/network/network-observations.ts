import type {
  FloatingIpDto,
  NetworkDetailDto,
  PortDto,
  PortForwardingDto,
  RouterDto,
  SecurityGroupDetailDto,
  SubnetDto,
} from '@yunguan/cloud-core';
import { observationOf } from '../resources/observation-of';
import type { Observation } from '../tasks/task-definition';

/**
 * Network DTOs as mirror observations, by the same name/status rules as the inventory sync
 * (observationOf), so tasks, live reads and the sync never flip a row back and forth.
 */
export const networkSeen = (dto: NetworkDetailDto): Observation => observationOf('network', dto);
export const subnetSeen = (dto: SubnetDto): Observation => observationOf('subnet', dto);
export const portSeen = (dto: PortDto): Observation => observationOf('port', dto);
export const routerSeen = (dto: RouterDto): Observation => observationOf('router', dto);
export const securityGroupSeen = (dto: SecurityGroupDetailDto): Observation =>
  observationOf('security-group', dto);

/** What the portal adds to a floating IP's spec: its forwardings and the server it points at. */
export type FloatingIpExtras = {
  portForwardings: PortForwardingDto[];
  server: { id: string; name: string } | null;
};

export const floatingIpSeen = (dto: FloatingIpDto, extras: FloatingIpExtras): Observation => ({
  ...observationOf('floating-ip', dto),
  spec: { ...dto, ...extras },
});

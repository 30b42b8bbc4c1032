import type {
  FloatingIpDto,
  NetworkDetailDto,
  PortDto,
  PortForwardingDto,
  RouterDto,
  SecurityGroupDetailDto,
  SubnetDto,
} from '@yunguan/cloud-core';
import type { Observation } from '../resources/resource-task-handler';

/**
 * Network DTOs as mirror observations: the spec is the DTO as seen. Subnets and security groups
 * have no status in Neutron; the mirror says ACTIVE.
 */
export const networkSeen = (dto: NetworkDetailDto): Observation => ({
  kind: 'network',
  externalId: dto.externalId,
  name: dto.name,
  status: dto.status,
  projectExternalId: dto.projectExternalId,
  spec: dto,
});

export const subnetSeen = (dto: SubnetDto): Observation => ({
  kind: 'subnet',
  externalId: dto.externalId,
  name: dto.name || dto.cidr,
  status: 'ACTIVE',
  projectExternalId: dto.projectExternalId,
  spec: dto,
});

export const portSeen = (dto: PortDto): Observation => ({
  kind: 'port',
  externalId: dto.externalId,
  name: dto.name || dto.fixedIps[0]?.ipAddress || dto.externalId.slice(0, 8),
  status: dto.status,
  projectExternalId: dto.projectExternalId,
  spec: dto,
});

export const routerSeen = (dto: RouterDto): Observation => ({
  kind: 'router',
  externalId: dto.externalId,
  name: dto.name,
  status: dto.status,
  projectExternalId: dto.projectExternalId,
  spec: dto,
});

/** What the portal adds to a floating IP's spec: its forwardings and the server it points at. */
export type FloatingIpExtras = {
  portForwardings: PortForwardingDto[];
  server: { id: string; name: string } | null;
};

export const floatingIpSeen = (dto: FloatingIpDto, extras: FloatingIpExtras): Observation => ({
  kind: 'floating-ip',
  externalId: dto.externalId,
  name: dto.floatingIpAddress,
  status: dto.status,
  projectExternalId: dto.projectExternalId,
  spec: { ...dto, ...extras },
});

export const securityGroupSeen = (dto: SecurityGroupDetailDto): Observation => ({
  kind: 'security-group',
  externalId: dto.externalId,
  name: dto.name,
  status: 'ACTIVE',
  projectExternalId: dto.projectExternalId,
  spec: dto,
});

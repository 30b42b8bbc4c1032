import type {
  FirewallGroupDto,
  FirewallPolicyDto,
  FirewallRuleDto,
  FloatingIpDto,
  LoadBalancerDto,
  NetworkDetailDto,
  PortDto,
  RouterDto,
  SecurityGroupDetailDto,
  SubnetDto,
  VolumeBackupDto,
  VolumeDto,
  VolumeSnapshotDto,
} from '@yunguan/cloud-core';
import type { Observation } from '../tasks/task-definition';

/** The DTO each kind is mirrored from. */
export type DtoOfKind = {
  volume: VolumeDto;
  'volume-snapshot': VolumeSnapshotDto;
  'volume-backup': VolumeBackupDto;
  network: NetworkDetailDto;
  subnet: SubnetDto;
  port: PortDto;
  router: RouterDto;
  'floating-ip': FloatingIpDto;
  'security-group': SecurityGroupDetailDto;
  'firewall-group': FirewallGroupDto;
  'firewall-policy': FirewallPolicyDto;
  'firewall-rule': FirewallRuleDto;
  'load-balancer': LoadBalancerDto;
};

/** Objects without a status of their own in the cloud are mirrored as ACTIVE. */
const ACTIVE = 'ACTIVE';

const nameOf = <K extends keyof DtoOfKind>(kind: K, dto: DtoOfKind[K]): string => {
  if (kind === 'floating-ip') return (dto as FloatingIpDto).floatingIpAddress;
  return (dto as { name: string }).name;
};

const statusOf = <K extends keyof DtoOfKind>(kind: K, dto: DtoOfKind[K]): string => {
  switch (kind) {
    case 'subnet':
    case 'security-group':
    case 'firewall-policy':
      return ACTIVE;
    case 'firewall-rule':
      return (dto as FirewallRuleDto).enabled ? ACTIVE : 'DISABLED';
    case 'load-balancer':
      // Provisioning first (PENDING_* / ERROR matter most), else how it runs (ONLINE, …).
      return (dto as LoadBalancerDto).provisioningStatus === ACTIVE
        ? (dto as LoadBalancerDto).operatingStatus
        : (dto as LoadBalancerDto).provisioningStatus;
    default:
      return (dto as { status: string }).status;
  }
};

/**
 * One cloud object as the mirror keeps it: the same name and status whether a task or the
 * inventory sync saw it, so the two never flip a row back and forth.
 */
export const observationOf = <K extends keyof DtoOfKind>(
  kind: K,
  dto: DtoOfKind[K],
): Observation => ({
  kind,
  externalId: dto.externalId,
  name: nameOf(kind, dto),
  status: statusOf(kind, dto),
  projectExternalId: dto.projectExternalId,
  spec: dto,
});

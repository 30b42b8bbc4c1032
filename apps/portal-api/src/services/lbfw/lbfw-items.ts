import {
  firewallGroupSpec,
  firewallPolicySpec,
  firewallRuleSpec,
  loadBalancerSpec,
  type LbfwKind,
  type ResourceListQuery,
} from '@yunguan/contract';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import type { CsvColumns } from '../resources/export-resources-csv';
import { findResourceFor } from '../resources/find-resource-for';
import { listProjectResources, withActiveTasks } from '../resources/list-project-resources';
import type { ResourceItem } from '../resources/to-resource-item';

/** The contract's spec schema of each kind (the mirror holds the cloud-core DTO). */
export const specOfKind = {
  'firewall-rule': firewallRuleSpec,
  'firewall-policy': firewallPolicySpec,
  'firewall-group': firewallGroupSpec,
  'load-balancer': loadBalancerSpec,
} as const;

type SpecOf<K extends LbfwKind> = z.output<(typeof specOfKind)[K]>;
export type LbfwItem<K extends LbfwKind> = Omit<ResourceItem, 'spec'> & { spec: SpecOf<K> };

export const toLbfwItem = <K extends LbfwKind>(kind: K, item: ResourceItem): LbfwItem<K> => ({
  ...item,
  spec: specOfKind[kind].parse(item.spec) as SpecOf<K>,
});

/** One kind of the project's firewall/load-balancer objects (filter, search, sort, pages). */
export const listLbfw = async <K extends LbfwKind>(
  ctx: ServiceContext,
  projectId: string,
  kind: K,
  query: ResourceListQuery,
) => {
  const page = await listProjectResources(ctx, projectId, kind, query);
  return { ...page, items: page.items.map((i) => toLbfwItem(kind, i)) };
};

/** One object from the mirror (404 outside the caller's reach). */
export const getLbfwObject = async <K extends LbfwKind>(
  ctx: ServiceContext,
  kind: K,
  id: string,
): Promise<LbfwItem<K>> => {
  const { row } = await findResourceFor(ctx, kind, id, 'resource.read');
  const [item] = await withActiveTasks(ctx, kind, [row]);
  return toLbfwItem(kind, item!);
};

const spec = (item: ResourceItem) => item.spec;
const text = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** The extra CSV columns of each kind. */
export const csvColumnsOfKind: Record<LbfwKind, CsvColumns> = {
  'firewall-rule': {
    protocol: (i) => text(spec(i).protocol) ?? 'any',
    action: (i) => text(spec(i).action),
    ipVersion: (i) => text(spec(i).ipVersion),
    sourceIpAddress: (i) => text(spec(i).sourceIpAddress),
    sourcePort: (i) => text(spec(i).sourcePort),
    destinationIpAddress: (i) => text(spec(i).destinationIpAddress),
    destinationPort: (i) => text(spec(i).destinationPort),
    enabled: (i) => text(spec(i).enabled),
  },
  'firewall-policy': {
    rules: (i) => (spec(i).ruleExternalIds as string[] | undefined)?.join(' ') ?? '',
    audited: (i) => text(spec(i).audited),
  },
  'firewall-group': {
    ingressPolicy: (i) => text(spec(i).ingressPolicyExternalId),
    egressPolicy: (i) => text(spec(i).egressPolicyExternalId),
    ports: (i) => (spec(i).portExternalIds as string[] | undefined)?.join(' ') ?? '',
  },
  'load-balancer': {
    provisioningStatus: (i) => text(spec(i).provisioningStatus),
    operatingStatus: (i) => text(spec(i).operatingStatus),
    vipAddress: (i) => text(spec(i).vipAddress),
    listeners: (i) => (spec(i).listeners as unknown[] | undefined)?.length ?? 0,
    pools: (i) => (spec(i).pools as unknown[] | undefined)?.length ?? 0,
  },
};

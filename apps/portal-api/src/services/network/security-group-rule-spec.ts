import type { CreateSecurityGroupRuleSpec, SecurityGroupRuleDto } from '@yunguan/cloud-core';
import type { SecurityGroupActionInput } from '@yunguan/contract';

type AddRule = Extract<SecurityGroupActionInput, { action: 'add-rule' }>;

/** tcp/udp/icmp as Neutron writes them; `any` is no protocol; numbers as text. */
export const protocolOf = (protocol: AddRule['protocol']): string | null =>
  protocol === 'any' ? null : String(protocol);

/** The rule Neutron would store for this input (a lone port bound means that one port). */
export const ruleSpecOf = (
  groupExternalId: string,
  input: AddRule,
  remoteGroupExternalId: string | null,
): CreateSecurityGroupRuleSpec => {
  const min = input.portRangeMin ?? input.portRangeMax ?? null;
  const max = input.portRangeMax ?? input.portRangeMin ?? null;
  const icmp = input.protocol === 'icmp';
  return {
    securityGroupExternalId: groupExternalId,
    direction: input.direction,
    ethertype: input.ethertype,
    protocol: protocolOf(input.protocol),
    portRangeMin: icmp ? (input.portRangeMin ?? null) : min,
    portRangeMax: icmp ? (input.portRangeMax ?? null) : max,
    remoteIpPrefix: input.remoteIpPrefix ?? null,
    remoteGroupExternalId,
    ...(input.description ? { description: input.description } : {}),
  };
};

const anyPrefix = (prefix: string | null) =>
  prefix === null || prefix === '0.0.0.0/0' || prefix === '::/0' ? null : prefix;

/** Neutron's duplicate test: every field but id and description equal (0.0.0.0/0 is "any"). */
export const sameRule = (a: CreateSecurityGroupRuleSpec, b: SecurityGroupRuleDto): boolean =>
  a.direction === b.direction &&
  a.ethertype === b.ethertype &&
  (a.protocol ?? null) === (b.protocol ?? null) &&
  (a.portRangeMin ?? null) === (b.portRangeMin ?? null) &&
  (a.portRangeMax ?? null) === (b.portRangeMax ?? null) &&
  anyPrefix(a.remoteIpPrefix) === anyPrefix(b.remoteIpPrefix) &&
  (a.remoteGroupExternalId ?? null) === (b.remoteGroupExternalId ?? null);

/** Short words for a rule: "ingress IPv4 tcp 22 from 0.0.0.0/0". */
export const describeRule = (r: CreateSecurityGroupRuleSpec | SecurityGroupRuleDto): string => {
  const ports =
    r.portRangeMin === null
      ? ''
      : r.portRangeMin === r.portRangeMax
        ? ` ${r.portRangeMin}`
        : ` ${r.portRangeMin}-${r.portRangeMax ?? ''}`;
  const remote = r.remoteGroupExternalId
    ? ` group ${r.remoteGroupExternalId.slice(0, 8)}`
    : ` ${r.direction === 'ingress' ? 'from' : 'to'} ${r.remoteIpPrefix ?? 'any'}`;
  return `${r.direction} ${r.ethertype} ${r.protocol ?? 'any'}${ports}${remote}`;
};

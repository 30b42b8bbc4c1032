import { expect, it } from 'vitest';
import type { CloudProvider, Scope } from '../index';
import { refusal, slow } from './network-contract';
import { firewallOf } from './ports';

/**
 * Firewall cases (sub-port `firewall`; FWaaS v2 on OpenStack): rules, policies and groups
 * exactly where the cloud offers them; where not, the capability is absent and the call is
 * refused as not-found.
 */
export const describeFirewallContract = (
  get: () => { provider: CloudProvider; scope: Scope; firewall: 'present' | 'absent' },
  suffix: string,
) => {
  it(
    'runs FWaaS v2 rules, policies and groups exactly where the cloud has fwaas_v2',
    async () => {
      const { provider, scope, firewall } = get();
      expect((await provider.discoverCapabilities()).has('firewall')).toBe(firewall === 'present');
      if (firewall === 'absent') {
        const error = await refusal(firewallOf(provider).listFirewallGroups(scope));
        expect(error.kind).toBe('not-found');
        return;
      }
      const rule = await firewallOf(provider).createFirewallRule(scope, {
        name: `contract-fwr-${suffix}`,
        protocol: 'tcp',
        action: 'allow',
        ipVersion: 4,
        sourceIpAddress: null,
        destinationIpAddress: null,
        sourcePort: null,
        destinationPort: '80',
        enabled: true,
      });
      expect(rule).toMatchObject({ protocol: 'tcp', action: 'allow', destinationPort: '80' });
      const policy = await firewallOf(provider).createFirewallPolicy(scope, {
        name: `contract-fwp-${suffix}`,
        ruleExternalIds: [rule.externalId],
      });
      expect(policy.ruleExternalIds).toEqual([rule.externalId]);
      const group = await firewallOf(provider).createFirewallGroup(scope, {
        name: `contract-fwg-${suffix}`,
        ingressPolicyExternalId: policy.externalId,
      });
      expect(group.ingressPolicyExternalId).toBe(policy.externalId);
      expect(['ACTIVE', 'INACTIVE']).toContain(group.status);
      expect(
        (await firewallOf(provider).listFirewallGroups(scope)).map((g) => g.externalId),
      ).toContain(group.externalId);
      await firewallOf(provider).deleteFirewallGroup(scope, group.externalId);
      await firewallOf(provider).deleteFirewallPolicy(scope, policy.externalId);
      await firewallOf(provider).deleteFirewallRule(scope, rule.externalId);
      expect(
        (await refusal(firewallOf(provider).getFirewallGroup(scope, group.externalId))).kind,
      ).toBe('not-found');
      await firewallOf(provider).deleteFirewallGroup(scope, group.externalId);
      await firewallOf(provider).deleteFirewallPolicy(scope, policy.externalId);
      await firewallOf(provider).deleteFirewallRule(scope, rule.externalId);
      expect(await firewallOf(provider).listFirewallRules(scope)).toEqual([]);
    },
    slow,
  );
};

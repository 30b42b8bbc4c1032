import { describe, expect, it } from 'vitest';
import {
  createFirewallGroupInput,
  createFirewallRuleInput,
  firewallGroupActionInput,
} from './firewall.schema';
import { loadBalancerActionInput } from './load-balancer.schema';

describe('firewall rule input', () => {
  const base = { datacenterId: 'dc', name: 'web', action: 'allow' };
  it('takes a port range with tcp and defaults protocol any, IPv4, enabled', () => {
    expect(createFirewallRuleInput.parse(base)).toMatchObject({
      protocol: 'any',
      ipVersion: 4,
      enabled: true,
    });
    expect(
      createFirewallRuleInput.safeParse({ ...base, protocol: 'tcp', destinationPort: '8000:8080' })
        .success,
    ).toBe(true);
  });
  it('refuses reversed ranges, port 0, ports without tcp/udp and the wrong IP version', () => {
    const bad = [
      { protocol: 'tcp', destinationPort: '8080:8000' },
      { protocol: 'tcp', destinationPort: '0' },
      { protocol: 'tcp', sourcePort: '70000' },
      { protocol: 'icmp', destinationPort: '80' },
      { sourceIpAddress: '10.0.0.0/33' },
      { sourceIpAddress: 'fd00::/64' },
    ];
    for (const extra of bad)
      expect(
        createFirewallRuleInput.safeParse({ ...base, ...extra }).success,
        JSON.stringify(extra),
      ).toBe(false);
    expect(
      createFirewallRuleInput.safeParse({ ...base, ipVersion: 6, sourceIpAddress: 'fd00::/64' })
        .success,
    ).toBe(true);
  });
});

describe('firewall group input', () => {
  it('create defaults ports to none; update leaves absent fields absent', () => {
    expect(createFirewallGroupInput.parse({ datacenterId: 'dc', name: 'g' }).portIds).toEqual([]);
    const update = firewallGroupActionInput.parse({ action: 'update', ingressPolicyId: null });
    expect(update).toEqual({ action: 'update', ingressPolicyId: null });
  });
});

describe('load balancer actions', () => {
  it('defaults a listener to unlimited connections and refuses 0', () => {
    const listener = { action: 'add-listener', name: 'l', protocol: 'HTTP', protocolPort: 80 };
    expect(loadBalancerActionInput.parse(listener)).toMatchObject({ connectionLimit: -1 });
    expect(loadBalancerActionInput.safeParse({ ...listener, connectionLimit: 0 }).success).toBe(
      false,
    );
    expect(loadBalancerActionInput.safeParse({ ...listener, protocolPort: 65536 }).success).toBe(
      false,
    );
  });
  it('refuses a health monitor whose timeout exceeds its delay', () => {
    const monitor = {
      action: 'add-health-monitor',
      poolId: 'p',
      type: 'HTTP',
      delaySeconds: 5,
      timeoutSeconds: 5,
      maxRetries: 3,
      urlPath: '/health',
    };
    expect(loadBalancerActionInput.safeParse(monitor).success).toBe(true);
    const late = loadBalancerActionInput.safeParse({ ...monitor, timeoutSeconds: 6 });
    expect(late.error?.issues[0]?.path).toEqual(['timeoutSeconds']);
    expect(loadBalancerActionInput.safeParse({ ...monitor, type: 'PING' }).success).toBe(false);
  });
  it('wants exactly one of address and serverId for a member', () => {
    const member = { action: 'add-member', poolId: 'p', protocolPort: 80 };
    expect(loadBalancerActionInput.safeParse(member).success).toBe(false);
    expect(
      loadBalancerActionInput.safeParse({ ...member, address: '10.0.0.5', serverId: 's' }).success,
    ).toBe(false);
    expect(loadBalancerActionInput.parse({ ...member, address: '10.0.0.5' })).toMatchObject({
      weight: 1,
    });
  });
});

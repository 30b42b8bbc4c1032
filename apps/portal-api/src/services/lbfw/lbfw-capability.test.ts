import { capabilities } from '@yunguan/cloud-core';
import { capabilityOfLbfwKind, renderMessage } from '@yunguan/contract';
import { describe, expect, it } from 'vitest';
import { lbfwRefusal } from './lbfw-capability';

/** What the real Zed peer offers: no FWaaS, no Octavia. */
const zed = capabilities.filter((c) => c !== 'firewall' && c !== 'load-balancer');

describe('lbfwRefusal', () => {
  it('refuses firewall kinds without `firewall` and load balancers without `load-balancer`', () => {
    for (const kind of ['firewall-rule', 'firewall-policy', 'firewall-group'] as const) {
      const refusal = lbfwRefusal(zed, kind, 'zed');
      expect(refusal?.code).toBe('PRECONDITION_FAILED');
      expect(refusal?.details).toEqual({
        reason: 'firewall_unsupported',
        params: { datacenter: 'zed' },
      });
    }
    expect(lbfwRefusal(zed, 'load-balancer', 'zed')?.details.reason).toBe(
      'load_balancer_unsupported',
    );
  });

  it('lets a datacenter with the service through', () => {
    expect(lbfwRefusal([...capabilities], 'firewall-group', 'sim')).toBeNull();
    expect(lbfwRefusal(['load-balancer'], 'load-balancer', 'sim')).toBeNull();
  });

  it('names capabilities cloud-core knows, and says why in both languages', () => {
    for (const needed of Object.values(capabilityOfLbfwKind))
      expect(capabilities).toContain(needed);
    const en = renderMessage('en', 'PRECONDITION_FAILED', 'load_balancer_unsupported', {
      datacenter: 'zed',
    });
    expect(en).toContain('no load-balancer service');
    const zh = renderMessage('zh-CN', 'PRECONDITION_FAILED', 'firewall_unsupported', {
      datacenter: 'zed',
    });
    expect(zh).toContain('没有防火墙服务');
  });
});

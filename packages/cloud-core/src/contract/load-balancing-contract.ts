import { expect, it } from 'vitest';
import { isCloudError, type CloudProvider, type LoadBalancerDto, type Scope } from '../index';
import { refusal, slow, until } from './network-contract';
import { loadBalancingOf } from './ports';

/**
 * Load-balancing cases (sub-port `loadBalancing`; Octavia on OpenStack): a load balancer with a
 * listener, pool, member and health monitor on the network cases' subnet, exactly where the
 * catalog has the service; delete cascades. Where not, the capability is absent and the call
 * is refused as unavailable.
 */
export const describeLoadBalancingContract = (
  get: () => {
    provider: CloudProvider;
    scope: Scope;
    loadBalancer: 'present' | 'absent';
    vipSubnetExternalId: string;
    memberAddress: string;
  },
  suffix: string,
) => {
  it(
    'builds a load balancer exactly where the catalog has Octavia; delete cascades',
    async () => {
      const { provider, scope, loadBalancer, vipSubnetExternalId, memberAddress } = get();
      expect((await provider.discoverCapabilities()).has('load-balancer')).toBe(
        loadBalancer === 'present',
      );
      if (loadBalancer === 'absent') {
        expect((await refusal(loadBalancingOf(provider).listLoadBalancers(scope))).kind).toBe(
          'unavailable',
        );
        return;
      }
      const lb = await loadBalancingOf(provider).createLoadBalancer(scope, {
        name: `contract-lb-${suffix}`,
        vipSubnetExternalId,
      });
      const active = async (): Promise<LoadBalancerDto | undefined> => {
        const now = await loadBalancingOf(provider).getLoadBalancer(scope, lb.externalId);
        return now.provisioningStatus === 'ACTIVE' ? now : undefined;
      };
      await until('load balancer ACTIVE', active);
      const listener = await loadBalancingOf(provider).createListener(scope, {
        loadBalancerExternalId: lb.externalId,
        name: 'http',
        protocol: 'HTTP',
        protocolPort: 80,
        connectionLimit: 1000,
      });
      await until('listener ACTIVE', active);
      const pool = await loadBalancingOf(provider).createPool(scope, {
        name: 'web',
        protocol: 'HTTP',
        lbAlgorithm: 'ROUND_ROBIN',
        listenerExternalId: listener.externalId,
      });
      await until('pool ACTIVE', active);
      const member = await loadBalancingOf(provider).addPoolMember(scope, pool.externalId, {
        address: memberAddress,
        protocolPort: 8080,
        subnetExternalId: vipSubnetExternalId,
      });
      await until('member ACTIVE', active);
      const monitor = await loadBalancingOf(provider).createHealthMonitor(scope, {
        poolExternalId: pool.externalId,
        type: 'HTTP',
        delaySeconds: 5,
        timeoutSeconds: 3,
        maxRetries: 3,
        urlPath: '/health',
      });
      const built = await until('health monitor ACTIVE', active);
      expect(built.vipSubnetExternalId).toBe(vipSubnetExternalId);
      expect(built.listeners).toEqual([
        expect.objectContaining({
          externalId: listener.externalId,
          protocol: 'HTTP',
          protocolPort: 80,
          connectionLimit: 1000,
          provisioningStatus: 'ACTIVE',
        }),
      ]);
      expect(built.pools).toEqual([
        expect.objectContaining({
          externalId: pool.externalId,
          lbAlgorithm: 'ROUND_ROBIN',
          listenerExternalIds: [listener.externalId],
          provisioningStatus: 'ACTIVE',
          members: [
            expect.objectContaining({ externalId: member.externalId, address: memberAddress }),
          ],
          healthMonitor: expect.objectContaining({
            externalId: monitor.externalId,
            type: 'HTTP',
            urlPath: '/health',
          }) as unknown,
        }),
      ]);
      expect(
        (await loadBalancingOf(provider).listLoadBalancers(scope)).map((l) => l.externalId),
      ).toEqual([lb.externalId]);
      await loadBalancingOf(provider).deleteLoadBalancer(scope, lb.externalId);
      await loadBalancingOf(provider).deleteLoadBalancer(scope, lb.externalId);
      await until('load balancer gone', async () => {
        const error: unknown = await loadBalancingOf(provider)
          .getLoadBalancer(scope, lb.externalId)
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        return isCloudError(error) && error.kind === 'not-found' ? true : undefined;
      });
      await loadBalancingOf(provider).deleteLoadBalancer(scope, lb.externalId);
      expect(await loadBalancingOf(provider).listLoadBalancers(scope)).toEqual([]);
    },
    slow,
  );
};

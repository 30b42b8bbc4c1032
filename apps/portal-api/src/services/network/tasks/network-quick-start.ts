import type { z } from 'zod';
import { quickStartSteps } from '@yunguan/contract';
import type { CreateSecurityGroupRuleSpec } from '@yunguan/cloud-core';
import { defineTask, type TaskRun } from '../../tasks/task-definition';
import { networkSeen, routerSeen, securityGroupSeen, subnetSeen } from '../network-observations';
import { describeRule, sameRule } from '../security-group-rule-spec';
import { quickStartInput } from './network-task-inputs';
import { stored } from './task-kit';
import { networkOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

type Input = z.output<typeof quickStartInput>;

/** ICMP and each open TCP port, ingress from anywhere, on the default group. */
const wantedRules = (groupId: string, input: Input): CreateSecurityGroupRuleSpec[] => {
  const anywhere = input.ipVersion === 4 ? '0.0.0.0/0' : '::/0';
  const base: Pick<
    CreateSecurityGroupRuleSpec,
    | 'securityGroupExternalId'
    | 'direction'
    | 'ethertype'
    | 'remoteIpPrefix'
    | 'remoteGroupExternalId'
  > = {
    securityGroupExternalId: groupId,
    direction: 'ingress',
    ethertype: input.ipVersion === 4 ? 'IPv4' : 'IPv6',
    remoteIpPrefix: anywhere,
    remoteGroupExternalId: null,
  };
  return [
    {
      ...base,
      protocol: input.ipVersion === 4 ? 'icmp' : 'ipv6-icmp',
      portRangeMin: null,
      portRangeMax: null,
      description: 'quick start: ping',
    },
    ...input.openPorts.map((port) => ({
      ...base,
      protocol: 'tcp',
      portRangeMin: port,
      portRangeMax: port,
      description: `quick start: tcp ${port}`,
    })),
  ];
};

/** The rules step: add what the default group lacks (so a resent step adds nothing twice). */
const openRules = async (rt: TaskRun, input: Input) => {
  const groups = await networkOf(rt.provider).listSecurityGroupDetails(rt.scope, rt.call);
  const group = groups.find((g) => g.name === 'default');
  if (!group) return { group: null, added: [] as string[], present: 0 };
  const added: string[] = [];
  let present = 0;
  for (const rule of wantedRules(group.externalId, input)) {
    if (group.rules.some((r) => sameRule(rule, r))) {
      present += 1;
      continue;
    }
    await networkOf(rt.provider).createSecurityGroupRule(rt.scope, rule, rt.call);
    added.push(describeRule(rule));
  }
  return { group: group.externalId, added, present };
};

/**
 * network.quick-start: network → subnet → router → gateway → interface → rules → record, each a
 * step with its detail. Creates run once (a resumed task reuses their stored results); the
 * gateway, interface and rules steps look before they act, so they may be sent again.
 */
export const networkQuickStart = defineTask({
  action: 'network.quick-start',
  input: quickStartInput,
  steps: quickStartSteps,
  async run(rt) {
    const input = rt.input;
    const { provider, scope, call } = rt;
    const network = await rt.step(
      'network',
      async () =>
        stored(await networkOf(provider).createNetwork(scope, { name: input.name }, call)),
      { detail: (n) => m('object-id', { kind: 'network', name: n.name, id: n.externalId }) },
    );
    await rt.setTarget(network.externalId);
    await rt.observe(networkSeen(network));
    const subnet = await rt.step(
      'subnet',
      async () =>
        stored(
          await networkOf(provider).createSubnet(
            scope,
            {
              networkExternalId: network.externalId,
              name: `${input.name}-subnet`,
              cidr: input.cidr,
              ipVersion: input.ipVersion,
              enableDhcp: true,
              ...(input.gatewayIp ? { gatewayIp: input.gatewayIp } : {}),
              ...(input.dnsNameservers.length ? { dnsNameservers: input.dnsNameservers } : {}),
            },
            call,
          ),
        ),
      {
        detail: (s) =>
          m('qs-subnet', {
            name: s.name,
            cidr: s.cidr,
            ...(s.gatewayIp ? { gateway: s.gatewayIp } : {}),
          }),
      },
    );
    await rt.observe(subnetSeen(subnet));
    const router = await rt.step(
      'router',
      async () =>
        stored(
          await networkOf(provider).createRouter(scope, { name: `${input.name}-router` }, call),
        ),
      { detail: (r) => m('object-id', { kind: 'router', name: r.name, id: r.externalId }) },
    );
    await rt.observe(routerSeen(router));
    const external = input.external;
    await rt.step(
      'gateway',
      async () => {
        if (!external) return null;
        const withGateway = await networkOf(provider).setRouterGateway(
          scope,
          router.externalId,
          { networkExternalId: external.externalId, enableSnat: true },
          call,
        );
        return withGateway.externalGateway?.externalFixedIps.map((f) => f.ipAddress) ?? [];
      },
      {
        resend: true,
        detail: (ips) =>
          ips === null
            ? m('qs-no-gateway')
            : m('qs-gateway', { network: external?.name ?? '', ips: ips.join(', ') }),
      },
    );
    await rt.step(
      'interface',
      async () => {
        const now = await networkOf(provider).getRouter(scope, router.externalId, call);
        if (!now.interfaces.some((i) => i.subnetExternalId === subnet.externalId))
          await networkOf(provider).addRouterInterface(
            scope,
            router.externalId,
            subnet.externalId,
            call,
          );
        return subnet.externalId;
      },
      {
        resend: true,
        detail: () => m('router-subnet', { router: router.name, subnet: subnet.name }),
      },
    );
    const rules = await rt.step('rules', async () => stored(await openRules(rt, input)), {
      resend: true,
      detail: (r) =>
        r.group === null
          ? m('qs-no-group')
          : m('qs-rules', { added: r.added.join('; '), present: r.present }),
    });
    const [finalNetwork, finalRouter, groups] = await Promise.all([
      networkOf(provider).getNetwork(scope, network.externalId, call),
      networkOf(provider).getRouter(scope, router.externalId, call),
      networkOf(provider).listSecurityGroupDetails(scope, call),
    ]);
    const resourceId = await rt.observe(networkSeen(finalNetwork));
    await rt.observe(routerSeen(finalRouter));
    for (const g of groups.filter((x) => x.externalId === rules.group))
      await rt.observe(securityGroupSeen(g));
    return {
      detail: m('qs-ready', {
        name: input.name,
        cidr: subnet.cidr,
        router: router.name,
        ...(external ? { external: external.name } : {}),
      }),
      resourceId,
    };
  },
});

/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import type { Recorder } from './recorder';

const n = 'network' as const;

/** Neutron: networks, subnets, ports, security groups, routers, floating IPs, tags, quotas. */
export const networkScript = async (r: Recorder) => {
  const t = r.tag;
  const octet = 16 + (parseInt(t.slice(-2), 16) % 200);
  await r.call('network.root', { svc: n, path: '/' });
  await r.call('network.extensions', { svc: n, path: '/extensions' });
  await r.call('network.extension.get', { svc: n, path: '/extensions/security-group' });
  // An external network of the admin (not shared) with a subnet: the floating IP pool.
  const ext = await r.call('network.external.create', {
    svc: n,
    method: 'POST',
    path: '/networks',
    admin: true,
    body: { network: { name: `${t}-ext`, 'router:external': true } },
  });
  r.vars.extNet = ext.body?.network?.id as string;
  const extSub = await r.call('network.external.subnet-create', {
    svc: n,
    method: 'POST',
    path: '/subnets',
    admin: true,
    body: {
      subnet: {
        name: `${t}-ext`,
        network_id: r.v('extNet'),
        cidr: `172.${16 + (octet % 16)}.${octet}.0/24`,
        ip_version: 4,
        enable_dhcp: false,
      },
    },
  });
  r.vars.extSubnet = extSub.body?.subnet?.id as string;
  await r.call('network.external.subnets-seen-by-member', {
    svc: n,
    path: `/subnets?network_id=${r.v('extNet')}`,
  });
  await r.call('network.external.seen-by-member', { svc: n, path: `/networks/${r.v('extNet')}` });
  // The member's network, subnet and ports.
  const net = await r.call('network.create', {
    svc: n,
    method: 'POST',
    path: '/networks',
    body: { network: { name: t, description: 'diff' } },
  });
  r.vars.net = net.body?.network?.id as string;
  const nn = `/networks/${r.v('net')}`;
  await r.call('network.get', { svc: n, path: nn });
  await r.call('network.update', {
    svc: n,
    method: 'PUT',
    path: nn,
    body: { network: { description: 'diff 2' } },
  });
  await r.call('network.list-by-name', { svc: n, path: `/networks?name=${t}` });
  await r.call('network.tag.add', { svc: n, method: 'PUT', path: `${nn}/tags/diff` });
  await r.call('network.tag.check', { svc: n, path: `${nn}/tags/diff` });
  await r.call('network.tags.list', { svc: n, path: `${nn}/tags` });
  await r.call('network.tags.replace', {
    svc: n,
    method: 'PUT',
    path: `${nn}/tags`,
    body: { tags: ['a', 'b'] },
  });
  await r.call('network.tags.delete-all', { svc: n, method: 'DELETE', path: `${nn}/tags` });
  const sub = await r.call('network.subnet.create', {
    svc: n,
    method: 'POST',
    path: '/subnets',
    body: {
      subnet: {
        name: t,
        network_id: r.v('net'),
        cidr: `10.${octet}.8.0/24`,
        ip_version: 4,
        allocation_pools: [{ start: `10.${octet}.8.10`, end: `10.${octet}.8.200` }],
      },
    },
  });
  r.vars.subnet = sub.body?.subnet?.id as string;
  const ss = `/subnets/${r.v('subnet')}`;
  await r.call('network.subnet.get', { svc: n, path: ss });
  const upd = await r.call('network.subnet.update-gateway-routes', {
    svc: n,
    method: 'PUT',
    path: ss,
    body: {
      subnet: {
        gateway_ip: `10.${octet}.8.254`,
        host_routes: [{ destination: '192.168.0.0/24', nexthop: `10.${octet}.8.9` }],
      },
    },
  });
  r.vars.gatewayApplied = String(upd.body?.subnet?.gateway_ip === `10.${octet}.8.254`);
  await r.call('network.subnet.list-by-network', {
    svc: n,
    path: `/subnets?network_id=${r.v('net')}`,
  });
  const port = await r.call('network.port.create', {
    svc: n,
    method: 'POST',
    path: '/ports',
    body: { port: { network_id: r.v('net'), name: t } },
  });
  r.vars.port = port.body?.port?.id as string;
  const pp = `/ports/${r.v('port')}`;
  await r.call('network.port.get', { svc: n, path: pp });
  await r.call('network.port.update-fixed-ip', {
    svc: n,
    method: 'PUT',
    path: pp,
    body: { port: { fixed_ips: [{ subnet_id: r.v('subnet'), ip_address: `10.${octet}.8.77` }] } },
  });
  await r.call('network.port.bulk-create', {
    svc: n,
    method: 'POST',
    path: '/ports',
    body: {
      ports: [
        { network_id: r.v('net'), name: `${t}-b1` },
        { network_id: r.v('net'), name: `${t}-b2` },
      ],
    },
  });
  await r.call('network.port.list-by-network', { svc: n, path: `/ports?network_id=${r.v('net')}` });
  // Security groups and rules.
  const sg = await r.call('network.sg.create', {
    svc: n,
    method: 'POST',
    path: '/security-groups',
    body: { security_group: { name: t, description: 'diff' } },
  });
  r.vars.sg = sg.body?.security_group?.id as string;
  const gg = `/security-groups/${r.v('sg')}`;
  await r.call('network.sg.get', { svc: n, path: gg });
  await r.call('network.sg.update', {
    svc: n,
    method: 'PUT',
    path: gg,
    body: { security_group: { description: 'diff 2' } },
  });
  await r.call('network.sg.rename-default', {
    svc: n,
    method: 'PUT',
    path: gg,
    body: { security_group: { name: 'default' } },
  });
  await r.call('network.sg.list-by-name', { svc: n, path: `/security-groups?name=${t}` });
  const rule = await r.call('network.sg-rule.create', {
    svc: n,
    method: 'POST',
    path: '/security-group-rules',
    body: {
      security_group_rule: {
        security_group_id: r.v('sg'),
        direction: 'ingress',
        protocol: 'tcp',
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: '0.0.0.0/0',
        ethertype: 'IPv4',
      },
    },
  });
  const ruleId = rule.body?.security_group_rule?.id as string;
  await r.call('network.sg-rule.port-out-of-range', {
    svc: n,
    method: 'POST',
    path: '/security-group-rules',
    body: {
      security_group_rule: {
        security_group_id: r.v('sg'),
        direction: 'ingress',
        protocol: 'tcp',
        port_range_min: 70000,
        port_range_max: 70001,
      },
    },
  });
  await r.call('network.sg-rule.get', { svc: n, path: `/security-group-rules/${ruleId}` });
  await r.call('network.sg-rule.list', {
    svc: n,
    path: `/security-group-rules?security_group_id=${r.v('sg')}`,
  });
  await r.call('network.sg-rule.delete', {
    svc: n,
    method: 'DELETE',
    path: `/security-group-rules/${ruleId}`,
  });
  // Router with the external gateway, an interface, a floating IP.
  const router = await r.call('network.router.create', {
    svc: n,
    method: 'POST',
    path: '/routers',
    body: { router: { name: t, external_gateway_info: { network_id: r.v('extNet') } } },
  });
  r.vars.router = router.body?.router?.id as string;
  const rr = `/routers/${r.v('router')}`;
  await r.call('network.router.get', { svc: n, path: rr });
  await r.call('network.router.update', {
    svc: n,
    method: 'PUT',
    path: rr,
    body: { router: { description: 'diff' } },
  });
  await r.call('network.router.add-interface', {
    svc: n,
    method: 'PUT',
    path: `${rr}/add_router_interface`,
    body: { subnet_id: r.v('subnet') },
  });
  await r.call('network.router.l3-agents', { svc: n, path: `${rr}/l3-agents`, admin: true });
  const fip = await r.call('network.fip.create', {
    svc: n,
    method: 'POST',
    path: '/floatingips',
    body: { floatingip: { floating_network_id: r.v('extNet') } },
  });
  r.vars.fip = fip.body?.floatingip?.id as string;
  const ff = `/floatingips/${r.v('fip')}`;
  await r.call('network.fip.get', { svc: n, path: ff });
  await r.call('network.fip.associate', {
    svc: n,
    method: 'PUT',
    path: ff,
    body: { floatingip: { port_id: r.v('port') } },
  });
  await r.call('network.fip.disassociate', {
    svc: n,
    method: 'PUT',
    path: ff,
    body: { floatingip: { port_id: null } },
  });
  await r.call('network.fip.list', {
    svc: n,
    path: `/floatingips?floating_network_id=${r.v('extNet')}`,
  });
  // Quotas.
  const q = `/quotas/${r.v('project')}`;
  await r.call('network.quota.get', { svc: n, path: q, admin: true });
  await r.call('network.quota.default', { svc: n, path: `${q}/default`, admin: true });
  await r.call('network.quota.details', {
    svc: n,
    path: `${q}/details`,
    admin: true,
    maps: ['quota'],
  });
  await r.call('network.quota.update', {
    svc: n,
    method: 'PUT',
    path: q,
    admin: true,
    body: { quota: { port: 60 } },
  });
  await r.call('network.quota.member-other', { svc: n, path: `/quotas/${r.admin.projectId}` });
};

/** Tear-down, recorded: deletes answer as Zed's do (the FIP blocks the external network). */
export const networkTeardownScript = async (r: Recorder) => {
  const rr = `/routers/${r.v('router')}`;
  await r.call('network.external.delete-with-fip', {
    svc: n,
    method: 'DELETE',
    path: `/networks/${r.v('extNet')}`,
    admin: true,
  });
  await r.call('network.fip.delete', {
    svc: n,
    method: 'DELETE',
    path: `/floatingips/${r.v('fip')}`,
  });
  await r.call('network.router.remove-interface', {
    svc: n,
    method: 'PUT',
    path: `${rr}/remove_router_interface`,
    body: { subnet_id: r.v('subnet') },
  });
  await r.call('network.router.delete', { svc: n, method: 'DELETE', path: rr });
  await r.call('network.sg.delete', {
    svc: n,
    method: 'DELETE',
    path: `/security-groups/${r.v('sg')}`,
  });
  await r.call('network.port.delete', { svc: n, method: 'DELETE', path: `/ports/${r.v('port')}` });
};

export const networkCleanup = async (r: Recorder) => {
  const del = (path: string, admin = false) => r.raw({ svc: n, method: 'DELETE', path, admin });
  if (r.vars.net !== undefined) {
    const ports = await r.raw({ svc: n, path: `/ports?network_id=${r.vars.net}`, admin: true });
    for (const p of (ports.body?.ports ?? []) as { id: string }[])
      await del(`/ports/${p.id}`, true);
    await del(`/networks/${r.vars.net}`, true);
  }
  if (r.vars.extNet !== undefined) await del(`/networks/${r.vars.extNet}`, true);
};

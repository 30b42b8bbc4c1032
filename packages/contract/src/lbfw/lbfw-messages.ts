type Messages = Record<string, (p: Record<string, string | number>) => string>;

/** Reasons of the firewall and load-balancer API and tasks (M1.5), merged into messages.ts. */
export const lbfwMessagesEn: Messages = {
  firewall_unsupported: (p) =>
    `Datacenter "${p.datacenter}" has no firewall service (FWaaS v2); firewalls cannot be created there.`,
  load_balancer_unsupported: (p) =>
    `Datacenter "${p.datacenter}" has no load-balancer service (Octavia); load balancers cannot be created there.`,
  firewall_rule_in_use: (p) =>
    `Firewall rule "${p.rule}" is used by policy "${p.policy}". Remove it from the policy first.`,
  firewall_policy_in_use: (p) =>
    `Firewall policy "${p.policy}" is used by firewall group "${p.group}". Change the group first.`,
  firewall_port_not_router: (p) =>
    `Port ${p.port} is not a router interface of this project; firewall groups bind router interface ports.`,
  firewall_group_nothing_to_update: () => 'Nothing to change: give at least one field to update.',
  load_balancer_not_active: (p) =>
    `Load balancer "${p.name}" is ${p.status}; it takes changes only when ACTIVE. Wait and try again.`,
  load_balancer_part_unknown: (p) =>
    `Load balancer "${p.name}" has no ${p.part} ${p.id}. Reload the page and pick one it has.`,
  listener_port_taken: (p) =>
    `Load balancer "${p.name}" already has a listener on ${p.protocol} port ${p.port}.`,
  pool_protocol_mismatch: (p) =>
    `A ${p.listenerProtocol} listener cannot use a ${p.poolProtocol} pool.`,
  listener_has_default_pool: (p) =>
    `Listener "${p.listener}" already has a default pool; remove that pool first.`,
  pool_has_health_monitor: (p) => `Pool "${p.pool}" already has a health monitor; remove it first.`,
  pool_has_no_health_monitor: (p) => `Pool "${p.pool}" has no health monitor.`,
  member_exists: (p) => `Pool "${p.pool}" already has member ${p.address}:${p.port}.`,
  server_without_address: (p) =>
    `Server "${p.server}" has no fixed IP address${p.subnet ? ` on subnet ${p.subnet}` : ''}; give an address instead.`,
};

export const lbfwMessagesZh: Messages = {
  firewall_unsupported: (p) =>
    `数据中心“${p.datacenter}”没有防火墙服务（FWaaS v2），无法在此创建防火墙。`,
  load_balancer_unsupported: (p) =>
    `数据中心“${p.datacenter}”没有负载均衡服务（Octavia），无法在此创建负载均衡器。`,
  firewall_rule_in_use: (p) =>
    `防火墙规则“${p.rule}”正被策略“${p.policy}”使用，请先从该策略中移除。`,
  firewall_policy_in_use: (p) =>
    `防火墙策略“${p.policy}”正被防火墙组“${p.group}”使用，请先修改该防火墙组。`,
  firewall_port_not_router: (p) =>
    `端口 ${p.port} 不是本项目的路由器接口；防火墙组只能绑定路由器接口端口。`,
  firewall_group_nothing_to_update: () => '没有要修改的内容：请至少提供一个要更新的字段。',
  load_balancer_not_active: (p) =>
    `负载均衡器“${p.name}”当前为 ${p.status}，仅在 ACTIVE 时才能修改，请稍后重试。`,
  load_balancer_part_unknown: (p) =>
    `负载均衡器“${p.name}”没有 ${p.part} ${p.id}，请刷新页面后重新选择。`,
  listener_port_taken: (p) =>
    `负载均衡器“${p.name}”已有监听 ${p.protocol} 端口 ${p.port} 的监听器。`,
  pool_protocol_mismatch: (p) => `${p.listenerProtocol} 监听器不能使用 ${p.poolProtocol} 资源池。`,
  listener_has_default_pool: (p) => `监听器“${p.listener}”已有默认资源池，请先移除该资源池。`,
  pool_has_health_monitor: (p) => `资源池“${p.pool}”已有健康检查，请先移除。`,
  pool_has_no_health_monitor: (p) => `资源池“${p.pool}”没有健康检查。`,
  member_exists: (p) => `资源池“${p.pool}”已有成员 ${p.address}:${p.port}。`,
  server_without_address: (p) =>
    `云主机“${p.server}”没有${p.subnet ? `子网 ${p.subnet} 上的` : ''}固定 IP 地址，请直接填写地址。`,
};

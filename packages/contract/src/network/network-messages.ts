type Params = Record<string, string | number>;
type Catalog = Record<string, (p: Params) => string>;

/** Reasons of the network API and its tasks (M1.5), merged into messages.ts. */
export const networkMessagesEn: Catalog = {
  cidr_invalid: (p) => `"${p.value}" is not a CIDR such as 192.168.10.0/24 or fd00:10::/64.`,
  cidr_host_bits: (p) =>
    `"${p.value}" has host bits set; did you mean ${p.suggestion}? Write the network address.`,
  cidr_version_mismatch: (p) =>
    `"${p.value}" is not an IPv${p.version} CIDR; the subnet's IP version is ${p.version}.`,
  cidr_too_small: (p) =>
    `${p.value} leaves no address for hosts; use a prefix of /${p.max} or shorter.`,
  ip_invalid: (p) => `"${p.value}" is not an IP address.`,
  ip_version_mismatch: (p) => `"${p.value}" is not an IPv${p.version} address.`,
  gateway_outside_cidr: (p) =>
    `The gateway ${p.gateway} is outside ${p.cidr}. Pick an address inside the subnet, or leave the gateway empty for the first address.`,
  gateway_reserved: (p) =>
    `The gateway ${p.gateway} is the network or broadcast address of ${p.cidr}. Pick a host address.`,
  pool_outside_cidr: (p) =>
    `The allocation pool ${p.start}–${p.end} is not inside ${p.cidr}. Keep pools inside the subnet.`,
  pool_reversed: (p) => `The allocation pool ${p.start}–${p.end} ends before it starts.`,
  pools_overlap: (p) =>
    `The allocation pools ${p.first} and ${p.second} overlap. Make them disjoint.`,
  pool_contains_gateway: (p) =>
    `The allocation pool ${p.start}–${p.end} contains the gateway ${p.gateway}. Leave the gateway out of the pools.`,
  pool_contains_reserved: (p) =>
    `The allocation pool ${p.start}–${p.end} contains the network or broadcast address of ${p.cidr}.`,
  host_route_invalid: (p) =>
    `Host route ${p.destination} via ${p.nexthop}: the destination must be a CIDR and the next hop an address of the subnet's IP version.`,
  dns_duplicate: (p) => `The DNS server ${p.value} is listed twice.`,
  subnet_overlaps: (p) =>
    `The CIDR ${p.cidr} overlaps ${p.otherCidr} of subnet "${p.otherSubnet}" on network "${p.network}". Choose a range that does not overlap.`,
  network_admin_fields: (p) =>
    `Only a platform cloud administrator (compute.admin) may set ${p.fields} on a network. Leave them out to create a tenant network.`,
  provider_physical_network_required: (p) =>
    `A ${p.type} provider network needs its physical network (e.g. physnet1).`,
  provider_physical_network_unused: (p) =>
    `A ${p.type} network has no physical network; leave it empty.`,
  provider_segmentation_range: (p) =>
    `The segmentation id of a ${p.type} network must be ${p.min}–${p.max}.`,
  provider_segmentation_unused: (p) => `A ${p.type} network takes no segmentation id.`,
  network_not_external: (p) =>
    `Network "${p.network}" is not an external network. Floating IPs and router gateways need an external network.`,
  network_datacenter_mismatch: (p) =>
    `${p.kind} "${p.name}" is in another datacenter than the one this request names. Pick objects of one datacenter.`,
  floating_ip_no_route: (p) =>
    `Server "${p.server}"'s subnet "${p.subnet}" has no router to external network "${p.network}"; add a router interface and gateway first.`,
  floating_ip_not_associated: (p) => `Floating IP ${p.address} is not associated with any port.`,
  floating_ip_already_associated: (p) =>
    `Floating IP ${p.address} is already associated with ${p.fixedIp}. Disassociate it first.`,
  server_has_no_port: (p) =>
    `Server "${p.server}" has no network port${p.fixedIp ? ` with address ${p.fixedIp}` : ''} in this project. Attach it to a network first.`,
  port_not_of_server: (p) => `Port "${p.port}" does not belong to server "${p.server}".`,
  port_forwarding_unknown: (p) =>
    `Floating IP ${p.address} has no port forwarding ${p.id}. Reload the floating IP.`,
  port_forwarding_conflict: (p) =>
    `Floating IP ${p.address} already forwards ${p.protocol} port ${p.externalPort}. Pick another external port.`,
  router_gateway_missing: (p) => `Router "${p.router}" has no external gateway to clear.`,
  router_interface_exists: (p) =>
    `Router "${p.router}" already has an interface on subnet "${p.subnet}".`,
  router_interface_missing: (p) => `Router "${p.router}" has no interface on subnet "${p.subnet}".`,
  router_in_use: (p) =>
    `Router "${p.router}" still has ${p.count} interface(s). Remove them before deleting the router.`,
  subnet_in_use: (p) =>
    `Subnet "${p.subnet}" is attached to router "${p.router}". Remove the router interface first.`,
  security_group_default: (p) =>
    `"${p.group}" is the project's default security group; it cannot be deleted.`,
  security_group_rule_exists: (p) =>
    `Security group rule already exists. Rule id is ${p.ruleId}. (${p.rule} on "${p.group}")`,
  security_group_rule_unknown: (p) => `Security group "${p.group}" has no rule ${p.ruleId}.`,
  rule_ports_not_allowed: (p) => `Protocol ${p.protocol} has no ports; leave the port range empty.`,
  rule_port_range_reversed: (p) => `The port range ${p.min}–${p.max} ends before it starts.`,
  rule_icmp_range: () => 'ICMP type and code must be 0–255.',
  rule_remote_both: () => 'Give either a remote IP prefix or a remote security group, not both.',
  rule_remote_version: (p) => `The remote prefix ${p.value} is not an ${p.ethertype} CIDR.`,
  quick_start_cidr_taken: (p) =>
    `The CIDR ${p.cidr} overlaps subnet "${p.otherSubnet}" (${p.otherCidr}) already in this project. Choose another range.`,
};

export const networkMessagesZh: Catalog = {
  cidr_invalid: (p) => `“${p.value}”不是有效的 CIDR，例如 192.168.10.0/24 或 fd00:10::/64。`,
  cidr_host_bits: (p) => `“${p.value}”的主机位不为零，是否应为 ${p.suggestion}？请填写网络地址。`,
  cidr_version_mismatch: (p) =>
    `“${p.value}”不是 IPv${p.version} CIDR；子网的 IP 版本为 ${p.version}。`,
  cidr_too_small: (p) => `${p.value} 没有可分配给主机的地址，请使用 /${p.max} 或更短的前缀。`,
  ip_invalid: (p) => `“${p.value}”不是有效的 IP 地址。`,
  ip_version_mismatch: (p) => `“${p.value}”不是 IPv${p.version} 地址。`,
  gateway_outside_cidr: (p) =>
    `网关 ${p.gateway} 不在 ${p.cidr} 范围内。请选择子网内的地址，或留空以使用第一个地址。`,
  gateway_reserved: (p) => `网关 ${p.gateway} 是 ${p.cidr} 的网络地址或广播地址，请选择主机地址。`,
  pool_outside_cidr: (p) => `分配池 ${p.start}–${p.end} 不在 ${p.cidr} 范围内，请保持在子网内。`,
  pool_reversed: (p) => `分配池 ${p.start}–${p.end} 的结束地址小于起始地址。`,
  pools_overlap: (p) => `分配池 ${p.first} 与 ${p.second} 重叠，请使其互不重叠。`,
  pool_contains_gateway: (p) =>
    `分配池 ${p.start}–${p.end} 包含网关 ${p.gateway}，请将网关排除在分配池之外。`,
  pool_contains_reserved: (p) => `分配池 ${p.start}–${p.end} 包含 ${p.cidr} 的网络地址或广播地址。`,
  host_route_invalid: (p) =>
    `主机路由 ${p.destination} 经 ${p.nexthop}：目的地址须为 CIDR，下一跳须为与子网 IP 版本相同的地址。`,
  dns_duplicate: (p) => `DNS 服务器 ${p.value} 重复。`,
  subnet_overlaps: (p) =>
    `CIDR ${p.cidr} 与网络“${p.network}”上子网“${p.otherSubnet}”的 ${p.otherCidr} 重叠，请选择不重叠的地址范围。`,
  network_admin_fields: (p) =>
    `只有平台云管理员（compute.admin）可以为网络设置 ${p.fields}。去掉这些字段即可创建租户网络。`,
  provider_physical_network_required: (p) =>
    `${p.type} 类型的提供商网络需要指定物理网络（如 physnet1）。`,
  provider_physical_network_unused: (p) => `${p.type} 类型的网络没有物理网络，请留空。`,
  provider_segmentation_range: (p) => `${p.type} 网络的分段 ID 须在 ${p.min}–${p.max} 之间。`,
  provider_segmentation_unused: (p) => `${p.type} 网络不使用分段 ID。`,
  network_not_external: (p) => `网络“${p.network}”不是外部网络。浮动 IP 和路由器网关需要外部网络。`,
  network_datacenter_mismatch: (p) =>
    `${p.kind}“${p.name}”不在本次请求指定的数据中心，请选择同一数据中心的对象。`,
  floating_ip_no_route: (p) =>
    `云主机“${p.server}”的子网“${p.subnet}”没有连接到外部网络“${p.network}”的路由器；请先添加路由器接口和网关。`,
  floating_ip_not_associated: (p) => `浮动 IP ${p.address} 未关联任何端口。`,
  floating_ip_already_associated: (p) =>
    `浮动 IP ${p.address} 已关联到 ${p.fixedIp}，请先解除关联。`,
  server_has_no_port: (p) =>
    `云主机“${p.server}”在本项目中没有${p.fixedIp ? `地址为 ${p.fixedIp} 的` : ''}网络端口，请先将其连接到网络。`,
  port_not_of_server: (p) => `端口“${p.port}”不属于云主机“${p.server}”。`,
  port_forwarding_unknown: (p) => `浮动 IP ${p.address} 没有端口转发 ${p.id}，请刷新后重试。`,
  port_forwarding_conflict: (p) =>
    `浮动 IP ${p.address} 已转发 ${p.protocol} 端口 ${p.externalPort}，请选择其他外部端口。`,
  router_gateway_missing: (p) => `路由器“${p.router}”没有可清除的外部网关。`,
  router_interface_exists: (p) => `路由器“${p.router}”已有子网“${p.subnet}”上的接口。`,
  router_interface_missing: (p) => `路由器“${p.router}”没有子网“${p.subnet}”上的接口。`,
  router_in_use: (p) => `路由器“${p.router}”仍有 ${p.count} 个接口，请先移除再删除路由器。`,
  subnet_in_use: (p) => `子网“${p.subnet}”已连接到路由器“${p.router}”，请先移除路由器接口。`,
  security_group_default: (p) => `“${p.group}”是项目的默认安全组，不能删除。`,
  security_group_rule_exists: (p) =>
    `安全组规则已存在，规则 ID 为 ${p.ruleId}。（安全组“${p.group}”上的 ${p.rule}）`,
  security_group_rule_unknown: (p) => `安全组“${p.group}”没有规则 ${p.ruleId}。`,
  rule_ports_not_allowed: (p) => `协议 ${p.protocol} 没有端口，请将端口范围留空。`,
  rule_port_range_reversed: (p) => `端口范围 ${p.min}–${p.max} 的结束端口小于起始端口。`,
  rule_icmp_range: () => 'ICMP 类型和代码须在 0–255 之间。',
  rule_remote_both: () => '远端 IP 前缀和远端安全组只能二选一。',
  rule_remote_version: (p) => `远端前缀 ${p.value} 不是 ${p.ethertype} CIDR。`,
  quick_start_cidr_taken: (p) =>
    `CIDR ${p.cidr} 与本项目已有子网“${p.otherSubnet}”（${p.otherCidr}）重叠，请选择其他地址范围。`,
};

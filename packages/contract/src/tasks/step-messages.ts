import { z } from 'zod';

/**
 * Task step messages stored as a key with parameters (ADR 0121): the worker stores the key, its
 * parameters and the English sentence (`detail`, for old readers and logs); the console renders
 * the key in the reader's language, statuses and kinds through its own words. A row written
 * before keys existed has only `detail` and is shown as it is.
 */
export const stepParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type StepParams = z.infer<typeof stepParamsSchema>;

export const stepMessageSchema = z.object({ key: z.string(), params: stepParamsSchema });
export type StepMessage = z.infer<typeof stepMessageSchema>;

/** How a reader turns codes into words; the default (English, server side) shows them as given. */
export type StepWords = {
  kind: (kind: string) => string;
  status: (kind: string, status: string) => string;
  verb: (action: string) => string;
};

const enNouns: Record<string, string> = {
  server: '',
  volume: 'volume',
  'volume-snapshot': 'snapshot',
  'volume-backup': 'backup',
  'floating-ip': 'floating IP',
  'security-group': 'security group',
  'load-balancer': 'load balancer',
  'firewall-group': 'firewall group',
  'firewall-policy': 'firewall policy',
  'firewall-rule': 'firewall rule',
};
const noun = (kind: string) => enNouns[kind] ?? kind;
const named = (kind: string, name: string) => [noun(kind), name].filter(Boolean).join(' ');

export const englishWords: StepWords = {
  kind: noun,
  status: (_kind, status) => status,
  verb: (action) => action.slice(action.indexOf('.') + 1),
};

type Render = (p: Record<string, string>, w: StepWords) => string;
type Entry = { en: Render; 'zh-CN': Render };

/** " — provisioning X, operating Y" after a load-balancer change, when the task saw it. */
const lbEn = (p: Record<string, string>) =>
  p.provisioning ? ` — provisioning ${p.provisioning}, operating ${p.operating}` : '';
const lbZh = (p: Record<string, string>, w: StepWords) =>
  p.provisioning
    ? `（配置${w.status('load-balancer', p.provisioning ?? '')}，运行${w.status('load-balancer', p.operating ?? '')}）`
    : '';
const onOff = (v: string | undefined) => (v === 'on' ? '开启' : '关闭');
const addr = (v: string | undefined) => (v ? v : '无地址');

const catalog = {
  // Any object.
  status: { en: (p) => p.status!, 'zh-CN': (p, w) => w.status(p.kind!, p.status!) },
  'status-task': {
    en: (p) => `${p.status} (${p.taskState})`,
    'zh-CN': (p, w) => `${w.status(p.kind!, p.status!)}（进行中）`,
  },
  'status-of': {
    en: (p) => `${named(p.kind!, p.name!)} is ${p.status}`,
    'zh-CN': (p, w) => `${w.kind(p.kind!)} ${p.name}：${w.status(p.kind!, p.status!)}`,
  },
  'status-size': {
    en: (p) => `${p.status} (${p.sizeGb} GB)`,
    'zh-CN': (p, w) => `${w.status(p.kind!, p.status!)}（${p.sizeGb} GB）`,
  },
  'status-of-size': {
    en: (p) => `${named(p.kind!, p.name!)} is ${p.status} (${p.sizeGb} GB)`,
    'zh-CN': (p, w) =>
      `${w.kind(p.kind!)} ${p.name}：${w.status(p.kind!, p.status!)}（${p.sizeGb} GB）`,
  },
  'size-of': {
    en: (p) => `${named(p.kind!, p.name!)} is ${p.sizeGb} GB`,
    'zh-CN': (p, w) => `${w.kind(p.kind!)} ${p.name}：${p.sizeGb} GB`,
  },
  size: { en: (p) => `${p.sizeGb} GB`, 'zh-CN': (p) => `${p.sizeGb} GB` },
  object: { en: (p) => named(p.kind!, p.name!), 'zh-CN': (p, w) => `${w.kind(p.kind!)} ${p.name}` },
  submitted: {
    en: (p) => named(p.kind!, p.id!),
    'zh-CN': (p, w) => `云平台已受理，正在创建${w.kind(p.kind!)}`,
  },
  'created-id': {
    en: (p) => `${named(p.kind!, p.name!)} created (${p.id})`,
    'zh-CN': (p, w) => `已创建${w.kind(p.kind!)} ${p.name}`,
  },
  'object-id': {
    en: (p) => `${named(p.kind!, p.name!)} (${p.id})`,
    'zh-CN': (p, w) => `${w.kind(p.kind!)} ${p.name}`,
  },
  accepted: {
    en: (p) => `${p.verb} accepted`,
    'zh-CN': (p, w) => `云平台已受理：${w.verb(`server.${p.verb}`)}`,
  },
  'accepted-as': { en: (p) => `accepted as ${p.id}`, 'zh-CN': () => '云平台已受理创建' },
  'found-earlier': {
    en: (p) => `found server ${p.id} from an earlier attempt`,
    'zh-CN': () => '沿用上一次尝试已创建的云主机',
  },
  deleted: {
    en: (p) => `${named(p.kind!, p.name!)} deleted`,
    'zh-CN': (p, w) => `${w.kind(p.kind!)} ${p.name} 已删除`,
  },
  'deleted-in-cloud': { en: () => 'deleted in the cloud', 'zh-CN': () => '已在云平台删除' },
  deleting: { en: () => 'deleting', 'zh-CN': () => '删除中' },
  gone: { en: () => 'gone', 'zh-CN': () => '已不存在' },
  released: { en: () => 'released', 'zh-CN': () => '已释放' },
  'released-of': {
    en: (p) => `${named(p.kind!, p.name!)} released`,
    'zh-CN': (p, w) => `${w.kind(p.kind!)} ${p.name} 已释放`,
  },
  // Volumes, snapshots, backups.
  'attach-to': { en: (p) => `to ${p.server}`, 'zh-CN': (p) => `挂载到 ${p.server}` },
  'attached-at': {
    en: (p) => `${p.server} ${p.device ?? ''}`.trim(),
    'zh-CN': (p) => `${p.server} ${p.device ?? ''}`.trim(),
  },
  attached: {
    en: (p) => `volume ${p.name} attached to ${p.server}${p.device ? ` as ${p.device}` : ''}`,
    'zh-CN': (p) => `云硬盘 ${p.name} 已挂载到 ${p.server}${p.device ? `（${p.device}）` : ''}`,
  },
  'detach-from': { en: (p) => `from ${p.server}`, 'zh-CN': (p) => `从 ${p.server} 卸载` },
  detached: {
    en: (p) => `volume ${p.name} detached from ${p.server}`,
    'zh-CN': (p) => `云硬盘 ${p.name} 已从 ${p.server} 卸载`,
  },
  'extend-to': { en: (p) => `to ${p.sizeGb} GB`, 'zh-CN': (p) => `扩容到 ${p.sizeGb} GB` },
  'restore-into': {
    en: (p) => `into volume ${p.volume}`,
    'zh-CN': (p) => `恢复到云硬盘 ${p.volume}`,
  },
  'restore-progress': {
    en: (p) => `volume ${p.volumeStatus}, backup ${p.backupStatus}`,
    'zh-CN': (p, w) =>
      `云硬盘${w.status('volume', p.volumeStatus!)}，备份${w.status('volume-backup', p.backupStatus!)}`,
  },
  restored: {
    en: (p) => `backup ${p.backup} restored into volume ${p.volume} (${p.sizeGb} GB)`,
    'zh-CN': (p) => `备份 ${p.backup} 已恢复到云硬盘 ${p.volume}（${p.sizeGb} GB）`,
  },
  // Networks, subnets, ports, routers.
  'network-status': {
    en: (p) => `${p.scope} network ${p.name} is ${p.status}`,
    'zh-CN': (p, w) =>
      `${{ external: '外部', shared: '共享', tenant: '租户' }[p.scope!] ?? ''}网络 ${p.name}：${w.status('network', p.status!)}`,
  },
  'subnet-created': {
    en: (p) => `subnet ${p.name} ${p.cidr} on ${p.network}, gateway ${p.gateway ?? 'none'}`,
    'zh-CN': (p) => `子网 ${p.name} ${p.cidr}，属于网络 ${p.network}，网关 ${p.gateway ?? '无'}`,
  },
  'subnet-status': {
    en: (p) => `subnet ${p.name} ${p.cidr} (DHCP ${p.dhcp})`,
    'zh-CN': (p) => `子网 ${p.name} ${p.cidr}（DHCP ${onOff(p.dhcp)}）`,
  },
  'subnet-changed': {
    en: (p) => `changed: ${p.fields || 'nothing'} on ${p.cidr}`,
    'zh-CN': (p) => `${p.cidr}：已修改 ${p.fields || '（无）'}`,
  },
  'subnet-updated': {
    en: (p) => `subnet ${p.name} ${p.cidr} updated`,
    'zh-CN': (p) => `子网 ${p.name} ${p.cidr} 已更新`,
  },
  'port-created': {
    en: (p) => `port ${p.name} ${p.ips} (${p.mac})`,
    'zh-CN': (p) => `端口 ${p.name} ${p.ips}（MAC ${p.mac}）`,
  },
  'router-created': {
    en: (p) => `router ${p.name} created${p.network ? `, gateway on ${p.network}` : ''}`,
    'zh-CN': (p) => `已创建路由器 ${p.name}${p.network ? `，网关接入 ${p.network}` : ''}`,
  },
  'interface-on': {
    en: (p) => `interface on subnet ${p.subnet}`,
    'zh-CN': (p) => `在子网 ${p.subnet} 上添加接口`,
  },
  'interface-removed': {
    en: (p) => `interface on subnet ${p.subnet} removed`,
    'zh-CN': (p) => `子网 ${p.subnet} 上的接口已删除`,
  },
  'router-subnet': {
    en: (p) => `router ${p.router} ↔ subnet ${p.subnet}${p.ip ? ` (${p.ip})` : ''}`,
    'zh-CN': (p) => `路由器 ${p.router} ↔ 子网 ${p.subnet}${p.ip ? `（${p.ip}）` : ''}`,
  },
  'router-left-subnet': {
    en: (p) => `router ${p.router} no longer on subnet ${p.subnet}`,
    'zh-CN': (p) => `路由器 ${p.router} 已离开子网 ${p.subnet}`,
  },
  'gateway-set': {
    en: (p) => `gateway on ${p.network}: ${p.ips || 'no address'}, SNAT ${p.snat}`,
    'zh-CN': (p) => `网关接入 ${p.network}：${addr(p.ips)}，SNAT ${onOff(p.snat)}`,
  },
  'gateway-cleared': { en: () => 'gateway cleared', 'zh-CN': () => '已清除网关' },
  'router-routes-to': {
    en: (p) => `router ${p.router} routes to ${p.network}`,
    'zh-CN': (p) => `路由器 ${p.router} 经网关接入 ${p.network}`,
  },
  'router-no-gateway': {
    en: (p) => `router ${p.router} has no external gateway`,
    'zh-CN': (p) => `路由器 ${p.router} 没有外部网关`,
  },
  'qs-subnet': {
    en: (p) => `subnet ${p.name} ${p.cidr}, gateway ${p.gateway ?? 'none'}, DHCP on`,
    'zh-CN': (p) => `子网 ${p.name} ${p.cidr}，网关 ${p.gateway ?? '无'}，DHCP 开启`,
  },
  'qs-no-gateway': {
    en: () => 'no external network in this datacenter: the router has no gateway',
    'zh-CN': () => '该数据中心没有外部网络：路由器不设网关',
  },
  'qs-gateway': {
    en: (p) => `gateway on ${p.network} (${p.ips || 'no address'}), SNAT on`,
    'zh-CN': (p) => `网关接入 ${p.network}（${addr(p.ips)}），SNAT 开启`,
  },
  'qs-no-group': {
    en: () => 'the project has no default security group',
    'zh-CN': () => '项目没有默认安全组',
  },
  'qs-rules': {
    en: (p) =>
      `default group: ${p.added ? `added ${p.added}` : 'nothing to add'}${Number(p.present) ? ` (${p.present} already there)` : ''}`,
    'zh-CN': (p) =>
      `默认安全组：${p.added ? `已添加 ${p.added}` : '无需添加'}${Number(p.present) ? `（已有 ${p.present} 条）` : ''}`,
  },
  'qs-ready': {
    en: (p) =>
      `network ${p.name} ready: ${p.cidr} via router ${p.router}${p.external ? ` to ${p.external}` : ''}`,
    'zh-CN': (p) =>
      `网络 ${p.name} 已就绪：${p.cidr}，经路由器 ${p.router}${p.external ? ` 接入 ${p.external}` : ''}`,
  },
  // Floating IPs.
  'fip-allocated': {
    en: (p) => `${p.ip} allocated from ${p.network}`,
    'zh-CN': (p) => `已从 ${p.network} 分配 ${p.ip}`,
  },
  'fip-to': {
    en: (p) => `${p.ip} → ${p.server} (${p.fixedIp})`,
    'zh-CN': (p) => `${p.ip} → ${p.server}（${p.fixedIp}）`,
  },
  'fip-reaches': {
    en: (p) => `floating IP ${p.ip} reaches server ${p.server} at ${p.fixedIp}`,
    'zh-CN': (p) => `浮动 IP ${p.ip} 已绑定云主机 ${p.server}（${p.fixedIp}）`,
  },
  'fip-disassociated': {
    en: (p) => `${p.ip} disassociated`,
    'zh-CN': (p) => `${p.ip} 已解绑`,
  },
  'fip-unbound': {
    en: (p) => `floating IP ${p.ip} points at no port`,
    'zh-CN': (p) => `浮动 IP ${p.ip} 未绑定任何端口`,
  },
  'pf-rule': {
    en: (p) => `${p.protocol} ${p.externalPort} → ${p.server} ${p.internalIp}:${p.internalPort}`,
    'zh-CN': (p) =>
      `${p.protocol} ${p.externalPort} → ${p.server} ${p.internalIp}:${p.internalPort}`,
  },
  'pf-added': {
    en: (p) => `${p.ip}:${p.externalPort}/${p.protocol} forwards to ${p.server}`,
    'zh-CN': (p) => `${p.ip}:${p.externalPort}/${p.protocol} 转发到 ${p.server}`,
  },
  'pf-removed': {
    en: (p) => `port forwarding ${p.id} removed`,
    'zh-CN': () => '端口转发已删除',
  },
  'pf-removed-of': {
    en: (p) => `floating IP ${p.ip}: forwarding removed`,
    'zh-CN': (p) => `浮动 IP ${p.ip}：端口转发已删除`,
  },
  // Security groups.
  'sg-created': {
    en: (p) => `group ${p.name} created with ${p.rules} rule(s)`,
    'zh-CN': (p) => `已创建安全组 ${p.name}，${p.rules} 条规则`,
  },
  'sg-status': {
    en: (p) => `security group ${p.name} (${p.rules} rules)`,
    'zh-CN': (p) => `安全组 ${p.name}（${p.rules} 条规则）`,
  },
  'rule-added': {
    en: (p) => `rule ${p.id}: ${p.summary}`,
    'zh-CN': (p) => `已添加规则：${p.summary}`,
  },
  'group-rule': {
    en: (p) => `${p.group}: ${p.summary}`,
    'zh-CN': (p) => `${p.group}：${p.summary}`,
  },
  'rule-removed': {
    en: (p) => `rule removed: ${p.rule}`,
    'zh-CN': (p) => `已删除规则：${p.rule}`,
  },
  'group-rule-removed': {
    en: (p) => `${p.group}: ${p.rule} removed`,
    'zh-CN': (p) => `${p.group}：规则 ${p.rule} 已删除`,
  },
  // Load balancers.
  'lb-status': {
    en: (p) => `provisioning ${p.provisioning}, operating ${p.operating}`,
    'zh-CN': (p, w) =>
      `配置${w.status('load-balancer', p.provisioning!)}，运行${w.status('load-balancer', p.operating!)}`,
  },
  'lb-vip': {
    en: (p) => `VIP ${p.vip || '(allocating)'} on ${p.subnet}`,
    'zh-CN': (p) => `VIP ${p.vip || '（分配中）'}，子网 ${p.subnet}`,
  },
  'lb-created': {
    en: (p) => `load balancer ${p.name} is ${p.provisioning}/${p.operating} at ${p.vip || '?'}`,
    'zh-CN': (p, w) =>
      `负载均衡 ${p.name}：${w.status('load-balancer', p.provisioning!)}，VIP ${p.vip || '—'}`,
  },
  'lb-deleted': {
    en: (p) => `load balancer ${p.name} deleted with its listeners and pools`,
    'zh-CN': (p) => `负载均衡 ${p.name} 及其监听器和资源池已删除`,
  },
  'lb-member': {
    en: (p) => `member ${p.address}:${p.port} (weight ${p.weight})${lbEn(p)}`,
    'zh-CN': (p, w) => `成员 ${p.address}:${p.port}（权重 ${p.weight}）${lbZh(p, w)}`,
  },
  'lb-pool': {
    en: (p) => `pool ${p.name} (${p.protocol}, ${p.algorithm})${lbEn(p)}`,
    'zh-CN': (p, w) => `资源池 ${p.name}（${p.protocol}，${p.algorithm}）${lbZh(p, w)}`,
  },
  'lb-listener': {
    en: (p) =>
      `listener ${p.name} on ${p.protocol} ${p.port} (connection limit ${p.limit === '-1' ? 'unlimited' : p.limit})${lbEn(p)}`,
    'zh-CN': (p, w) =>
      `监听器 ${p.name}：${p.protocol} ${p.port}（连接上限 ${p.limit === '-1' ? '不限' : p.limit}）${lbZh(p, w)}`,
  },
  'lb-monitor': {
    en: (p) =>
      `${p.type} health monitor every ${p.delay} s (timeout ${p.timeout} s, ${p.retries} retries)${lbEn(p)}`,
    'zh-CN': (p, w) =>
      `${p.type} 健康检查，每 ${p.delay} 秒（超时 ${p.timeout} 秒，重试 ${p.retries} 次）${lbZh(p, w)}`,
  },
  'lb-part-removed': {
    en: (p) =>
      `${p.part === 'monitor' ? `health monitor of pool ${p.name}` : `${p.part} ${p.name}`} removed${lbEn(p)}`,
    'zh-CN': (p, w) =>
      `${{ listener: '监听器', pool: '资源池', member: '成员', monitor: '健康检查（资源池）' }[p.part!] ?? p.part} ${p.name} 已删除${lbZh(p, w)}`,
  },
  // Images.
  'image-sending': {
    en: (p) => `${p.sent}${p.size ? ` of ${p.size}` : ''}`,
    'zh-CN': (p) => `已上传 ${p.sent}${p.size ? ` / ${p.size}` : ''}`,
  },
  'image-sent': { en: (p) => `${p.sent} sent`, 'zh-CN': (p) => `已上传 ${p.sent}` },
  'image-verified': {
    en: (p) => `${p.status}, ${p.bytes} bytes, md5 ${p.md5}, sha256 ${p.sha256}`,
    'zh-CN': (p, w) =>
      `${w.status('image', p.status!)}，${p.bytes} 字节，md5 ${p.md5}，sha256 ${p.sha256}`,
  },
  'image-updated': { en: (p) => p.fields!, 'zh-CN': (p) => `已修改：${p.fields}` },
  // Firewalls.
  'fwg-status': {
    en: (p) =>
      `firewall group ${p.name} is ${p.status} (${p.ports} port(s), ingress ${p.ingress}, egress ${p.egress})`,
    'zh-CN': (p, w) =>
      `防火墙 ${p.name}：${w.status('firewall-group', p.status!)}（${p.ports} 个端口，入方向${p.ingress === 'policy' ? '有策略' : '无策略'}，出方向${p.egress === 'policy' ? '有策略' : '无策略'}）`,
  },
  'fwg-ports-released': {
    en: (p) => `${p.count} port(s) released`,
    'zh-CN': (p) => `已释放 ${p.count} 个端口`,
  },
  'fwg-deleted': {
    en: (p) =>
      `firewall group ${p.name} deleted${Number(p.released) ? ` (${p.released} port(s) released first)` : ''}`,
    'zh-CN': (p) =>
      `防火墙 ${p.name} 已删除${Number(p.released) ? `（先释放了 ${p.released} 个端口）` : ''}`,
  },
  'fwp-rules': {
    en: (p) => `firewall policy ${p.name} with ${p.rules} rule(s)`,
    'zh-CN': (p) => `防火墙策略 ${p.name}，${p.rules} 条规则`,
  },
  'fwp-now': {
    en: (p) => `firewall policy ${p.name} now has ${p.rules} rule(s)`,
    'zh-CN': (p) => `防火墙策略 ${p.name} 现有 ${p.rules} 条规则`,
  },
  'fwr-created': {
    en: (p) => `firewall rule ${p.name}: ${p.action} ${p.where}`,
    'zh-CN': (p) =>
      `防火墙规则 ${p.name}：${{ allow: '允许', deny: '拒绝', reject: '拒绝并回复' }[p.action!] ?? p.action} ${p.where}`,
  },
} satisfies Record<string, Entry>;

export type StepMessageKey = keyof typeof catalog;

/** A message for a task step (the worker's side). */
export const stepMessage = (key: StepMessageKey, params: StepParams = {}): StepMessage => ({
  key,
  params,
});

export const isStepMessageKey = (key: string): key is StepMessageKey => key in catalog;

/** The message in a language; null for a key this build does not know (show `detail` then). */
export const renderStepMessage = (
  locale: 'zh-CN' | 'en',
  message: { key: string; params: StepParams },
  words: StepWords = englishWords,
): string | null => {
  if (!isStepMessageKey(message.key)) return null;
  const params = Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, String(v)]));
  return (catalog[message.key] as Entry)[locale](params, words);
};

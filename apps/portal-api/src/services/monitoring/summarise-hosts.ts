import type { MonitoringSummary } from '@yunguan/contract';
import { lastNumber, lastTime, type SummaryResults } from './summary-statements';

const roles = ['hypervisor', 'baremetal', 'agent'] as const;
const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Hosts of the summary: CPU from the `cpu` series, the rest matched by `host` tag. */
export const summariseHosts = (r: SummaryResults): MonitoringSummary['hosts'] => {
  const byHost = (series: SummaryResults[keyof SummaryResults], host: string) =>
    series.find((s) => s.tags.host === host);
  const net = new Map<string, { in: number; out: number }>();
  for (const s of r.net) {
    const host = s.tags.host ?? '';
    const sum = net.get(host) ?? { in: 0, out: 0 };
    sum.in += lastNumber(s, 'in') ?? 0;
    sum.out += lastNumber(s, 'out') ?? 0;
    net.set(host, sum);
  }
  return r.cpu
    .map((s): MonitoringSummary['hosts'][number] => {
      const host = s.tags.host ?? '';
      const idle = lastNumber(s, 'idle');
      const role: MonitoringSummary['hosts'][number]['role'] =
        roles.find((x) => x === s.tags.role) ?? 'other';
      const seen = lastTime(s);
      return {
        host,
        role,
        nodeId: s.tags.node_id || null,
        cpuPercent: round(idle === null ? null : 100 - idle),
        memoryPercent: round(lastNumber(byHost(r.mem, host), 'v')),
        diskPercent: round(lastNumber(byHost(r.disk, host), 'v')),
        load1: round(lastNumber(byHost(r.system, host), 'load1')),
        uptimeSeconds: lastNumber(byHost(r.system, host), 'uptime'),
        netInBps: net.has(host) ? Math.round(net.get(host)!.in) : null,
        netOutBps: net.has(host) ? Math.round(net.get(host)!.out) : null,
        lastSeen: seen === null ? null : new Date(seen).toISOString(),
      };
    })
    .sort((a, b) => a.role.localeCompare(b.role) || a.host.localeCompare(b.host));
};

import type { UpstreamHealth } from '../router/check-upstreams';
import type { HostSample } from './collect-host-metrics';
import { formatPoint } from './format-point';

/** Used-space percentage at which the node check fails a disk. */
export const DISK_FULL_PERCENT = 90;
/** A host that rebooted less than this long ago fails the uptime check (an unplanned restart?). */
export const RECENT_BOOT_S = 300;

export type HealthResult = {
  check: 'cluster' | 'node';
  target: string;
  ok: boolean;
  message: string;
  latencyMs?: number | null;
};

/**
 * TStack's platform checks as `health_check` series: the cluster check (every configured
 * OpenStack service endpoint answers; the tunnel is up) and the node checks of the agent's host
 * (disks below 90 % used, every NIC up, uptime). Where Ceph reports (`ceph_health`, from
 * telegraf's ceph input or the simulator) the cluster check includes its status.
 */
export const runHealthChecks = (opts: {
  upstreams: UpstreamHealth[];
  tunnel: { state: string; dialed: boolean };
  host: HostSample;
  /** Ceph's newest `ceph_health` status (HEALTH_OK …) when the datacenter reports one. */
  ceph: string | null;
}): HealthResult[] => {
  const results: HealthResult[] = opts.upstreams
    .filter((u) => u.prefix !== 'influx')
    .map((u) => ({
      check: 'cluster',
      target: u.prefix,
      ok: u.reachable,
      latencyMs: u.latencyMs,
      message: u.reachable
        ? `answered HTTP ${u.status ?? '?'}`
        : `does not answer: ${u.error ?? 'unreachable'}`,
    }));
  const tunnelOk = opts.tunnel.state === 'connected' || opts.tunnel.state === 'external';
  results.push({
    check: 'cluster',
    target: 'tunnel',
    ok: tunnelOk || !opts.tunnel.dialed,
    message: opts.tunnel.dialed ? `tunnel ${opts.tunnel.state}` : 'not enrolled: no tunnel',
  });
  if (opts.ceph !== null) {
    results.push({
      check: 'cluster',
      target: 'ceph',
      ok: opts.ceph === 'HEALTH_OK',
      message: opts.ceph,
    });
  }
  for (const d of opts.host.disks) {
    results.push({
      check: 'node',
      target: `disk:${d.path}`,
      ok: d.usedPercent < DISK_FULL_PERCENT,
      message: `${d.usedPercent.toFixed(1)} % used`,
    });
  }
  // NICs backed by a device (bridges, taps, ifb and veth are not the host's links); all of them
  // when none is (a container).
  const physical = opts.host.nics.filter((n) => n.physical);
  for (const n of physical.length > 0 ? physical : opts.host.nics) {
    results.push({
      check: 'node',
      target: `nic:${n.name}`,
      ok: n.up,
      message: n.up ? `link up${n.speedMbps ? ` ${n.speedMbps} Mb/s` : ''}` : 'link down',
    });
  }
  results.push({
    check: 'node',
    target: 'uptime',
    ok: opts.host.uptimeS >= RECENT_BOOT_S,
    message: `up ${Math.floor(opts.host.uptimeS / 3600)} h ${Math.floor((opts.host.uptimeS % 3600) / 60)} min`,
  });
  return results;
};

export const healthLines = (results: HealthResult[], host: string, nowMs: number): string[] =>
  results.map((r) =>
    formatPoint(
      'health_check',
      { check: r.check, target: r.target, host },
      {
        ok: { int: r.ok ? 1 : 0 },
        message: r.message,
        ...(r.latencyMs !== undefined && r.latencyMs !== null ? { latency_ms: r.latencyMs } : {}),
      },
      nowMs,
    ),
  );

import { describe, expect, it } from 'vitest';
import { runHealthChecks } from './run-health-checks';

const host = {
  lines: [],
  disks: [
    { path: '/', usedPercent: 40 },
    { path: '/var', usedPercent: 95 },
  ],
  nics: [
    { name: 'eth0', up: true, speedMbps: 10_000, physical: true },
    { name: 'eth1', up: false, speedMbps: null, physical: true },
    { name: 'ifb0', up: false, speedMbps: null, physical: false },
  ],
  uptimeS: 3_600,
};
const upstream = (prefix: 'compute' | 'influx', reachable: boolean) => ({
  prefix,
  reachable,
  status: reachable ? 200 : null,
  latencyMs: reachable ? 3 : null,
  checkedAt: null,
  error: reachable ? null : 'ECONNREFUSED',
});

describe('runHealthChecks', () => {
  it('cluster: service endpoints (not InfluxDB), the tunnel and Ceph; node: disks, device NICs, uptime', () => {
    const results = runHealthChecks({
      upstreams: [upstream('compute', false), upstream('influx', true)],
      tunnel: { state: 'connected', dialed: true },
      host,
      ceph: 'HEALTH_WARN',
    });
    const byTarget = Object.fromEntries(results.map((r) => [r.target, r.ok]));
    expect(byTarget).toEqual({
      compute: false,
      tunnel: true,
      ceph: false,
      'disk:/': true,
      'disk:/var': false,
      'nic:eth0': true,
      'nic:eth1': false,
      uptime: true,
    });
  });

  it('a tunnel that is waiting fails the cluster check; no Ceph, no Ceph check', () => {
    const results = runHealthChecks({
      upstreams: [],
      tunnel: { state: 'waiting', dialed: true },
      host: { ...host, uptimeS: 60 },
      ceph: null,
    });
    expect(results.find((r) => r.target === 'tunnel')?.ok).toBe(false);
    expect(results.find((r) => r.target === 'uptime')?.ok).toBe(false);
    expect(results.some((r) => r.target === 'ceph')).toBe(false);
  });
});

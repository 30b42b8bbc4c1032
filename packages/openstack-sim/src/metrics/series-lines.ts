import type { MetricsInventory } from './inventory';
import { point, type FieldValue } from './format-point';
import { counter, gauge, hash01 } from './rhythm';
import type { Spikes } from './spikes';

/**
 * Every simulated series at one instant, named as telegraf's inputs name them: `cpu`, `mem`,
 * `disk`, `net`, `system` (+ `nic` link state) for hypervisors and bare-metal nodes; libvirt-style
 * `libvirt_cpu`, `libvirt_mem`, `libvirt_block`, `libvirt_interface` for servers (tags
 * instance_id, project_id, domain, host); `volume_io`, `router_traffic`, `floatingip_traffic`;
 * and telegraf's ceph input (`ceph_health`, `ceph_osdmap`, `ceph_pgmap`, `ceph_pgmap_state`,
 * `ceph_pool_usage`, `ceph_pool_stats`) plus `ceph_osd`.
 */
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export type Emit = (
  measurement: string,
  tags: Record<string, string>,
  fields: Record<string, FieldValue>,
) => void;

const serverCpu = (id: string, t: number, spikes: Spikes) =>
  spikes.valueOf([id], 'cpu', t) ??
  gauge(`${id}/cpu`, t, { base: 15 + 30 * hash01(id), swing: 12, jitter: 4, max: 100 });

const hostLike = (
  emit: Emit,
  tags: Record<string, string>,
  t: number,
  spec: {
    cpus: number;
    memoryMb: number;
    localGb: number;
    cpuPercent: number;
    memPercent: number;
    diskPercent: number;
    nics: string[];
    bootMs: number;
  },
) => {
  const cpu = spec.cpuPercent;
  emit(
    'cpu',
    { ...tags, cpu: 'cpu-total' },
    {
      usage_user: cpu * 0.7,
      usage_system: cpu * 0.25,
      usage_iowait: cpu * 0.05,
      usage_idle: 100 - cpu,
    },
  );
  const total = spec.memoryMb * MiB;
  const used = (total * spec.memPercent) / 100;
  emit('mem', tags, {
    total: { int: total },
    used: { int: used },
    available: { int: total - used },
    used_percent: spec.memPercent,
  });
  const disk = spec.localGb * GiB;
  const dused = (disk * spec.diskPercent) / 100;
  emit(
    'disk',
    { ...tags, path: '/', fstype: 'ext4' },
    {
      total: { int: disk },
      used: { int: dused },
      free: { int: disk - dused },
      used_percent: spec.diskPercent,
    },
  );
  for (const nic of spec.nics) {
    const seed = `${tags.host}/${nic}`;
    emit(
      'net',
      { ...tags, interface: nic },
      {
        bytes_recv: { int: counter(`${seed}/rx`, t, 2 * MiB * (0.5 + hash01(seed))) },
        bytes_sent: { int: counter(`${seed}/tx`, t, 1.5 * MiB * (0.5 + hash01(seed))) },
        packets_recv: { int: counter(`${seed}/prx`, t, 1800) },
        packets_sent: { int: counter(`${seed}/ptx`, t, 1500) },
      },
    );
    emit('nic', { ...tags, interface: nic }, { up: { int: 1 }, speed_mbps: { int: 10_000 } });
  }
  emit('system', tags, {
    uptime: { int: Math.max(0, (t - spec.bootMs) / 1000) },
    load1: (spec.cpus * cpu) / 100,
    load5: (spec.cpus * cpu) / 110,
    load15: (spec.cpus * cpu) / 120,
    n_cpus: { int: spec.cpus },
  });
};

/**
 * `downsampled`: shaped as the `m5` retention policy holds them after the continuous query's
 * `mean(*)` — fields named `mean_<field>`, all floats, no string fields (for the backfill).
 */
export const seriesLines = (
  inv: MetricsInventory,
  t: number,
  spikes: Spikes,
  bootMs: number,
  downsampled = false,
): string[] => {
  const lines: string[] = [];
  const emit: Emit = downsampled
    ? (m, tags, fields) => {
        const means: Record<string, FieldValue> = {};
        for (const [k, v] of Object.entries(fields))
          if (typeof v !== 'string') means[`mean_${k}`] = typeof v === 'number' ? v : v.int;
        lines.push(point(m, tags, means, t));
      }
    : (m, tags, fields) => lines.push(point(m, tags, fields, t));

  for (const h of inv.hypervisors) {
    if (!h.up) continue;
    const guests = inv.servers.filter((s) => s.active && s.host === h.hostname);
    const guestCpu = guests.reduce(
      (sum, s) => sum + (serverCpu(s.id, t, spikes) * s.vcpus) / Math.max(1, h.vcpus),
      0,
    );
    const guestRam = guests.reduce((sum, s) => sum + s.ramMb, 0);
    const keys = [h.hostname, h.id];
    hostLike(emit, { host: h.hostname, role: 'hypervisor' }, t, {
      cpus: h.vcpus,
      memoryMb: h.memoryMb,
      localGb: h.localGb,
      cpuPercent:
        spikes.valueOf(keys, 'cpu', t) ??
        Math.min(
          100,
          4 + guestCpu + gauge(`${h.hostname}/cpu`, t, { base: 3, swing: 2, jitter: 1 }),
        ),
      memPercent:
        spikes.valueOf(keys, 'memory', t) ??
        Math.min(100, 8 + (100 * guestRam) / Math.max(1, h.memoryMb)),
      diskPercent:
        spikes.valueOf(keys, 'disk', t) ??
        gauge(`${h.hostname}/disk`, t, { base: 35, swing: 0.5, jitter: 0.2 }),
      nics: ['eth0', 'eth1'],
      bootMs,
    });
  }

  for (const n of inv.nodes) {
    if (!n.poweredOn) continue;
    const keys = [n.id, n.name];
    hostLike(emit, { host: n.name, role: 'baremetal', node_id: n.id }, t, {
      cpus: n.cpus,
      memoryMb: n.memoryMb,
      localGb: n.localGb,
      cpuPercent:
        spikes.valueOf(keys, 'cpu', t) ??
        gauge(`${n.id}/cpu`, t, { base: 30, swing: 20, jitter: 5, max: 100 }),
      memPercent:
        spikes.valueOf(keys, 'memory', t) ??
        gauge(`${n.id}/mem`, t, { base: 45, swing: 10, jitter: 2, max: 100 }),
      diskPercent:
        spikes.valueOf(keys, 'disk', t) ??
        gauge(`${n.id}/disk`, t, { base: 20, swing: 0.5, jitter: 0.2 }),
      nics: ['eno1'],
      bootMs,
    });
  }

  for (const s of inv.servers) {
    if (!s.active) continue;
    const tags = {
      instance_id: s.id,
      project_id: s.projectId,
      domain: `instance-${s.id.slice(0, 8)}`,
      host: s.host ?? '',
    };
    emit('libvirt_cpu', tags, {
      usage_percent: serverCpu(s.id, t, spikes),
      vcpus: { int: s.vcpus },
    });
    const memPercent =
      spikes.valueOf([s.id], 'memory', t) ??
      gauge(`${s.id}/mem`, t, {
        base: 40 + 20 * hash01(`${s.id}m`),
        swing: 8,
        jitter: 2,
        max: 100,
      });
    const total = s.ramMb * MiB;
    emit('libvirt_mem', tags, {
      total: { int: total },
      used: { int: (total * memPercent) / 100 },
      used_percent: memPercent,
    });
    const diskPercent =
      spikes.valueOf([s.id], 'disk', t) ??
      gauge(`${s.id}/disk`, t, {
        base: 25 + 30 * hash01(`${s.id}d`),
        swing: 0.3,
        jitter: 0.1,
        max: 100,
      });
    emit(
      'libvirt_block',
      { ...tags, device: 'vda' },
      {
        read_bytes: { int: counter(`${s.id}/rd`, t, 400 * 1024) },
        write_bytes: { int: counter(`${s.id}/wr`, t, 250 * 1024) },
        read_requests: { int: counter(`${s.id}/rdq`, t, 40) },
        write_requests: { int: counter(`${s.id}/wrq`, t, 25) },
        used_percent: diskPercent,
      },
    );
    emit(
      'libvirt_interface',
      { ...tags, interface: `tap${s.id.slice(0, 11)}` },
      {
        rx_bytes: { int: counter(`${s.id}/rx`, t, 120 * 1024) },
        tx_bytes: { int: counter(`${s.id}/tx`, t, 80 * 1024) },
        rx_packets: { int: counter(`${s.id}/rxp`, t, 150) },
        tx_packets: { int: counter(`${s.id}/txp`, t, 110) },
      },
    );
  }

  for (const v of inv.volumes) {
    const rate = v.inUse ? 1 : 0.01;
    emit(
      'volume_io',
      { volume_id: v.id, project_id: v.projectId },
      {
        read_bytes: { int: counter(`${v.id}/rd`, t, rate * 300 * 1024) },
        write_bytes: { int: counter(`${v.id}/wr`, t, rate * 200 * 1024) },
        read_ops: { int: counter(`${v.id}/rdo`, t, rate * 30) },
        write_ops: { int: counter(`${v.id}/wro`, t, rate * 20) },
      },
    );
  }
  for (const r of inv.routers) {
    emit(
      'router_traffic',
      { router_id: r.id, project_id: r.projectId },
      {
        rx_bytes: { int: counter(`${r.id}/rx`, t, 600 * 1024) },
        tx_bytes: { int: counter(`${r.id}/tx`, t, 450 * 1024) },
      },
    );
  }
  for (const f of inv.floatingIps) {
    const rate = f.associated ? 1 : 0.001;
    emit(
      'floatingip_traffic',
      { floatingip_id: f.id, project_id: f.projectId, floating_ip_address: f.address },
      {
        rx_bytes: { int: counter(`${f.id}/rx`, t, rate * 200 * 1024) },
        tx_bytes: { int: counter(`${f.id}/tx`, t, rate * 150 * 1024) },
      },
    );
  }
  cephLines(emit, inv, t, spikes);
  return lines;
};

const pools = ['volumes', 'images', 'vms', 'backups'] as const;
const OSDS = 9;

const cephLines = (emit: Emit, inv: MetricsInventory, t: number, spikes: Spikes) => {
  const forced = spikes.valueOf(['ceph'], 'ceph_health', t);
  const code = forced === null ? 0 : Math.min(2, Math.max(0, Math.round(forced)));
  const status = ['HEALTH_OK', 'HEALTH_WARN', 'HEALTH_ERR'][code]!;
  emit('ceph_health', {}, { status, status_code: { int: code } });
  const up = code === 2 ? OSDS - 2 : code === 1 ? OSDS - 1 : OSDS;
  emit(
    'ceph_osdmap',
    {},
    { num_osds: { int: OSDS }, num_up_osds: { int: up }, num_in_osds: { int: up } },
  );
  const raw = OSDS * 4 * 1024 * GiB;
  const volumeBytes = inv.volumes.reduce((sum, v) => sum + v.sizeGb * GiB * 0.4, 0);
  const serverBytes = inv.servers.reduce((sum, s) => sum + s.diskGb * GiB * 0.3, 0);
  const usedBy: Record<(typeof pools)[number], number> = {
    volumes: volumeBytes * 3,
    images: 60 * GiB * 3,
    vms: serverBytes * 3,
    backups: 200 * GiB * 3 + counter('ceph/backups', t, 2 * 1024),
  };
  const used = Object.values(usedBy).reduce((a, b) => a + b, 0);
  let readBps = 0;
  let writeBps = 0;
  for (const pool of pools) {
    const seed = `ceph/${pool}`;
    const r = gauge(`${seed}/r`, t, { base: 40 * MiB, swing: 25 * MiB, jitter: 8 * MiB });
    const w = gauge(`${seed}/w`, t, { base: 25 * MiB, swing: 15 * MiB, jitter: 5 * MiB });
    readBps += r;
    writeBps += w;
    const maxAvail = (raw - used) / 3 / pools.length;
    emit(
      'ceph_pool_usage',
      { name: pool },
      {
        bytes_used: { int: usedBy[pool] / 3 },
        max_avail: { int: maxAvail },
        objects: { int: usedBy[pool] / 3 / (4 * MiB) },
        percent_used: (usedBy[pool] / 3 / (usedBy[pool] / 3 + maxAvail)) * 100,
      },
    );
    emit(
      'ceph_pool_stats',
      { name: pool },
      {
        read_bytes_sec: { int: r },
        write_bytes_sec: { int: w },
        read_op_per_sec: { int: r / (64 * 1024) },
        write_op_per_sec: { int: w / (64 * 1024) },
      },
    );
  }
  emit(
    'ceph_pgmap',
    {},
    {
      num_pgs: { int: 512 },
      bytes_total: { int: raw },
      bytes_used: { int: used },
      bytes_avail: { int: raw - used },
      read_bytes_sec: { int: readBps },
      write_bytes_sec: { int: writeBps },
      read_op_per_sec: { int: readBps / (64 * 1024) },
      write_op_per_sec: { int: writeBps / (64 * 1024) },
    },
  );
  const degraded = code === 0 ? 0 : code === 1 ? 24 : 96;
  emit('ceph_pgmap_state', { state: 'active+clean' }, { count: { int: 512 - degraded } });
  if (degraded > 0)
    emit('ceph_pgmap_state', { state: 'active+undersized+degraded' }, { count: { int: degraded } });
  for (let i = 0; i < OSDS; i++) {
    const isUp = i < up;
    emit(
      'ceph_osd',
      { osd: `osd.${i}`, host: `ceph-${Math.floor(i / 3)}` },
      {
        up: { int: isUp ? 1 : 0 },
        in: { int: isUp ? 1 : 0 },
        used_percent: (used / raw) * 100 + (hash01(`osd${i}`) - 0.5) * 4,
        apply_latency_ms: gauge(`osd${i}/lat`, t, { base: 4, swing: 1.5, jitter: 1 }),
      },
    );
  }
};

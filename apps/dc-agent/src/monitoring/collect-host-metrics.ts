import { readdir, readFile, statfs } from 'node:fs/promises';
import os from 'node:os';
import { formatPoint } from './format-point';

/**
 * The agent's own host, as telegraf's cpu, mem, disk, net and system inputs name it, plus NIC
 * link state (`nic`: up, carrier, speed from /sys/class/net). Lines in ms precision.
 */
export type HostSample = { lines: string[]; nics: NicState[]; disks: DiskUse[]; uptimeS: number };
export type NicState = {
  name: string;
  up: boolean;
  speedMbps: number | null;
  /** Backed by a device (/sys/class/net/<nic>/device): a real or virtual NIC, not a bridge, tap or ifb. */
  physical: boolean;
};
export type DiskUse = { path: string; usedPercent: number };

type CpuTimes = { idle: number; total: number; user: number; system: number; iowait: number };
let previousCpu: CpuTimes | null = null;

const readCpu = (): CpuTimes => {
  let idle = 0;
  let total = 0;
  let user = 0;
  let system = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    idle += t.idle;
    user += t.user + t.nice;
    system += t.sys + t.irq;
    total += t.idle + t.user + t.nice + t.sys + t.irq;
  }
  return { idle, total, user, system, iowait: 0 };
};

const readSys = (file: string) =>
  readFile(file, 'utf8').then(
    (s) => s.trim(),
    () => null,
  );

const readNics = async (): Promise<(NicState & { rx: number; tx: number })[]> => {
  const names = await readdir('/sys/class/net').catch(() => [] as string[]);
  const out: (NicState & { rx: number; tx: number })[] = [];
  for (const name of names) {
    if (name === 'lo') continue;
    const base = `/sys/class/net/${name}`;
    const [operstate, speed, rx, tx, device] = await Promise.all([
      readSys(`${base}/operstate`),
      readSys(`${base}/speed`),
      readSys(`${base}/statistics/rx_bytes`),
      readSys(`${base}/statistics/tx_bytes`),
      readdir(`${base}/device`).then(
        () => true,
        () => false,
      ),
    ]);
    const mbps = Number(speed);
    out.push({
      name,
      up: operstate === 'up' || operstate === 'unknown',
      speedMbps: Number.isFinite(mbps) && mbps > 0 ? mbps : null,
      physical: device,
      rx: Number(rx ?? 0),
      tx: Number(tx ?? 0),
    });
  }
  return out;
};

export const collectHostMetrics = async (opts: {
  host: string;
  diskPaths: string[];
  nowMs?: number;
}): Promise<HostSample> => {
  const now = opts.nowMs ?? Date.now();
  const tags = { host: opts.host, role: 'agent' };
  const lines: string[] = [];
  const cpu = readCpu();
  // The first sample is the average since boot; later ones cover the time since the last.
  const before = previousCpu ?? { idle: 0, total: 0, user: 0, system: 0, iowait: 0 };
  {
    const previous = before;
    const dt = cpu.total - previous.total || 1;
    const pct = (v: number, p: number) => Math.max(0, Math.min(100, ((v - p) / dt) * 100));
    lines.push(
      formatPoint(
        'cpu',
        { ...tags, cpu: 'cpu-total' },
        {
          usage_user: pct(cpu.user, previous.user),
          usage_system: pct(cpu.system, previous.system),
          usage_idle: pct(cpu.idle, previous.idle),
          usage_iowait: 0,
        },
        now,
      ),
    );
  }
  previousCpu = cpu;
  const total = os.totalmem();
  const free = os.freemem();
  lines.push(
    formatPoint(
      'mem',
      tags,
      {
        total: { int: total },
        available: { int: free },
        used: { int: total - free },
        used_percent: ((total - free) / total) * 100,
      },
      now,
    ),
  );
  const disks: DiskUse[] = [];
  for (const path of opts.diskPaths) {
    const s = await statfs(path).catch(() => null);
    if (!s) continue;
    const size = s.blocks * s.bsize;
    const freeBytes = s.bavail * s.bsize;
    const usedPercent = size > 0 ? ((size - freeBytes) / size) * 100 : 0;
    disks.push({ path, usedPercent });
    lines.push(
      formatPoint(
        'disk',
        { ...tags, path },
        {
          total: { int: size },
          free: { int: freeBytes },
          used: { int: size - freeBytes },
          used_percent: usedPercent,
        },
        now,
      ),
    );
  }
  const nics = await readNics();
  for (const nic of nics) {
    lines.push(
      formatPoint(
        'net',
        { ...tags, interface: nic.name },
        { bytes_recv: { int: nic.rx }, bytes_sent: { int: nic.tx } },
        now,
      ),
      formatPoint(
        'nic',
        { ...tags, interface: nic.name },
        { up: { int: nic.up ? 1 : 0 }, speed_mbps: { int: nic.speedMbps ?? 0 } },
        now,
      ),
    );
  }
  const uptimeS = Math.round(os.uptime());
  const [load1, load5, load15] = os.loadavg();
  lines.push(
    formatPoint(
      'system',
      tags,
      {
        uptime: { int: uptimeS },
        load1: load1 ?? 0,
        load5: load5 ?? 0,
        load15: load15 ?? 0,
        n_cpus: { int: os.cpus().length },
      },
      now,
    ),
  );
  return {
    lines,
    nics: nics.map(({ name, up, speedMbps, physical }) => ({ name, up, speedMbps, physical })),
    disks,
    uptimeS,
  };
};

import type { MonitoringSummary } from '@yunguan/contract';
import { lastNumber, type SummaryResults } from './summary-statements';

const healths = ['HEALTH_OK', 'HEALTH_WARN', 'HEALTH_ERR'] as const;

/** Ceph of the summary (telegraf's ceph input shape); null when the datacenter reports none. */
export const summariseCeph = (r: SummaryResults): MonitoringSummary['ceph'] => {
  const health = r.cephHealth[0];
  const pg = r.cephPg[0];
  if (!health && !pg) return null;
  const status = health?.values.at(-1)?.[health.columns.indexOf('status')];
  const osd = r.cephOsd[0];
  const n = (v: number | null) => v ?? 0;
  return {
    health: healths.find((h) => h === status) ?? 'unknown',
    osds: {
      total: n(lastNumber(osd, 'total')),
      up: n(lastNumber(osd, 'up')),
      in: n(lastNumber(osd, 'in')),
    },
    pgs: {
      total: n(lastNumber(pg, 'pgs')),
      states: r.cephPgStates
        .map((s) => ({ state: s.tags.state ?? '', count: n(lastNumber(s, 'count')) }))
        .sort((a, b) => b.count - a.count),
    },
    capacity: {
      totalBytes: n(lastNumber(pg, 'total')),
      usedBytes: n(lastNumber(pg, 'used')),
      availBytes: n(lastNumber(pg, 'avail')),
    },
    readBps: lastNumber(pg, 'rbps'),
    writeBps: lastNumber(pg, 'wbps'),
    readIops: lastNumber(pg, 'riops'),
    writeIops: lastNumber(pg, 'wiops'),
    pools: r.cephPoolUsage.map((s) => {
      const name = s.tags.name ?? '';
      const stats = r.cephPoolStats.find((p) => p.tags.name === name);
      const used = lastNumber(s, 'used');
      const avail = lastNumber(s, 'avail');
      return {
        name,
        usedBytes: used,
        availBytes: avail,
        totalBytes: used !== null && avail !== null ? used + avail : null,
        percentUsed: lastNumber(s, 'pct'),
        readBps: lastNumber(stats, 'rbps'),
        writeBps: lastNumber(stats, 'wbps'),
        readIops: lastNumber(stats, 'riops'),
        writeIops: lastNumber(stats, 'wiops'),
      };
    }),
  };
};

export type SideResult = {
  /** Median MiB/s and CPU seconds per GiB, by direction. */
  upload: { mibs: number; cpuPerGiB: number };
  download: { mibs: number; cpuPerGiB: number };
  /** Milliseconds, by connection mode. */
  latency: { fresh: { p50: number; p99: number }; keepAlive: { p50: number; p99: number } };
};

const fmt = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratio = (a: number, b: number) => `${fmt(a / b, 2)}x`;

/** The comparison table and the "ratio vs OpenSSH" lines, with the goals beside them. */
export const formatReport = (gw: SideResult, sshd: SideResult): string => {
  const rows: [string, number, number, number][] = [
    ['upload   throughput  MiB/s', gw.upload.mibs, sshd.upload.mibs, 1],
    ['upload   server CPU  s/GiB', gw.upload.cpuPerGiB, sshd.upload.cpuPerGiB, 2],
    ['download throughput  MiB/s', gw.download.mibs, sshd.download.mibs, 1],
    ['download server CPU  s/GiB', gw.download.cpuPerGiB, sshd.download.cpuPerGiB, 2],
    ['GET new connection p50  ms', gw.latency.fresh.p50, sshd.latency.fresh.p50, 2],
    ['GET new connection p99  ms', gw.latency.fresh.p99, sshd.latency.fresh.p99, 2],
    ['GET keep-alive     p50  ms', gw.latency.keepAlive.p50, sshd.latency.keepAlive.p50, 2],
    ['GET keep-alive     p99  ms', gw.latency.keepAlive.p99, sshd.latency.keepAlive.p99, 2],
  ];
  const head = `${''.padEnd(28)}${'tunnel-gateway'.padStart(16)}${'OpenSSH sshd'.padStart(14)}${'ratio'.padStart(9)}`;
  const lines = rows.map(
    ([label, g, s, digits]) =>
      `${label.padEnd(28)}${fmt(g, digits).padStart(16)}${fmt(s, digits).padStart(14)}${ratio(g, s).padStart(9)}`,
  );
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const tputOk = gw.upload.mibs >= sshd.upload.mibs && gw.download.mibs >= sshd.download.mibs;
  const cpuOk =
    gw.upload.cpuPerGiB <= sshd.upload.cpuPerGiB &&
    gw.download.cpuPerGiB <= sshd.download.cpuPerGiB;
  return [
    head,
    '-'.repeat(head.length),
    ...lines,
    '',
    `ratio vs OpenSSH, throughput:    upload ${ratio(gw.upload.mibs, sshd.upload.mibs)}, download ${ratio(gw.download.mibs, sshd.download.mibs)}  (goal >= 1.0x: ${verdict(tputOk)})`,
    `ratio vs OpenSSH, CPU per GiB:   upload ${ratio(gw.upload.cpuPerGiB, sshd.upload.cpuPerGiB)}, download ${ratio(gw.download.cpuPerGiB, sshd.download.cpuPerGiB)}  (goal <= 1.0x: ${verdict(cpuOk)})`,
    `ratio vs OpenSSH, GET latency:   new connection p50 ${ratio(gw.latency.fresh.p50, sshd.latency.fresh.p50)} p99 ${ratio(gw.latency.fresh.p99, sshd.latency.fresh.p99)}, keep-alive p50 ${ratio(gw.latency.keepAlive.p50, sshd.latency.keepAlive.p50)} p99 ${ratio(gw.latency.keepAlive.p99, sshd.latency.keepAlive.p99)}  (lower is better)`,
  ].join('\n');
};

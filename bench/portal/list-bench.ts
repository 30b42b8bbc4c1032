/**
 * The server list half of the portal bench: `rows` mirrored servers in one project, pages of 50
 * in name order under `clients` keep-alive connections, against the portal's
 * GET /api/v1/projects/:id/servers and against the bare Fastify + pg reference endpoint
 * (bare-list.ts) measured in the same run, alternately (bare, portal, bare, portal).
 */
import { randomUUID } from 'node:crypto';
import { startBareList } from './bare-list';
import { runLoad, type LoadResult } from './load';
import type { PortalStack } from './portal-stack';

export const fillMirror = async (stack: PortalStack, projectId: string, rows: number) => {
  const now = new Date();
  for (let i = 0; i < rows; i += 1000) {
    await stack.deps.db.resource.createMany({
      data: Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({
        id: randomUUID(),
        datacenterId: stack.datacenterId,
        type: 'server',
        externalId: randomUUID(),
        projectId,
        projectExternalId: 'bench',
        name: `mirror-${String(i + j).padStart(5, '0')}`,
        status: (i + j) % 7 === 0 ? 'stopped' : 'active',
        spec: {
          flavor: { externalId: '1', name: 'm1.tiny', vcpus: 1, ramMb: 512, diskGb: 1 },
          locked: false,
        },
        firstSeenAt: now,
        lastSeenAt: now,
      })),
    });
  }
};

export type ListResult = { portal: LoadResult; bare: LoadResult; ratio: number };

const best = (a: LoadResult, b: LoadResult) => (a.rps >= b.rps ? a : b);

export const benchList = async (
  stack: PortalStack,
  projectId: string,
  opts: { rows: number; clients: number; seconds: number; poolSize: number },
): Promise<ListResult> => {
  await fillMirror(stack, projectId, opts.rows);
  // What autovacuum does after a bulk insert: statistics and the visibility map (index-only).
  await stack.deps.db.$executeRawUnsafe('VACUUM ANALYZE "resource"');
  const pages = Math.ceil(opts.rows / 50);
  const paths = (prefix: string) =>
    Array.from(
      { length: 500 },
      () =>
        `${prefix}/projects/${projectId}/servers?pageSize=50&page=${1 + Math.floor(Math.random() * pages)}&sort=name`,
    );
  const bare = await startBareList(stack.databaseUrl, opts.poolSize);
  try {
    const portalLoad = (seconds: number) =>
      runLoad({
        origin: stack.apiUrl,
        paths: paths('/api/v1'),
        clients: opts.clients,
        seconds,
        headers: stack.auth,
      });
    const bareLoad = (seconds: number) =>
      runLoad({ origin: bare.url, paths: paths(''), clients: opts.clients, seconds, headers: {} });
    await bareLoad(2);
    await portalLoad(2);
    const b1 = await bareLoad(opts.seconds);
    const p1 = await portalLoad(opts.seconds);
    const b2 = await bareLoad(opts.seconds);
    const p2 = await portalLoad(opts.seconds);
    // Errors (timeouts of autocannon's 10 s, non-2xx) are reported beside the figures, not hidden.
    const portal = best(p1, p2);
    const bareBest = best(b1, b2);
    return { portal, bare: bareBest, ratio: portal.rps / bareBest.rps };
  } finally {
    // autocannon returns with requests still in flight; let them finish before shutting down.
    await new Promise((r) => setTimeout(r, 1_000));
    await bare.stop();
  }
};

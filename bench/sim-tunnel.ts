/**
 * `npm run bench -- sim`, part 3: Nova creates per second through the tunnel. A real portal
 * stack (bench/portal/portal-stack.ts: portal-api, tunnel-gateway, `yunguan-agent run --stack sim`
 * enrolled through the API, zero sim delays); N POST /servers with C in flight, alternately
 * straight to the agent's local listener and through the gateway's forwarded port (SSH tunnel,
 * agent secret header), median of R rounds each. Prints both rates and tunnel / direct.
 */
import { findCloudAccessRow, AGENT_SECRET_HEADER } from '@yunguan/portal-api/bench';
import { startPortalStack } from './portal/portal-stack';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

type Target = { base: string; headers: Record<string, string> };

const json = async (target: Target, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${target.base}${path}`, {
    method,
    headers: {
      ...target.headers,
      'content-type': 'application/json',
      'openstack-api-version': 'compute 2.79',
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { res, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};

/** `count` creates with `concurrency` in flight; creates per second. */
const createMany = async (target: Target, count: number, concurrency: number, image: string) => {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const { res, body } = await json(target, 'POST', '/compute/v2.1/servers', {
        server: { name: `tb${i}`, imageRef: image, flavorRef: '1', networks: 'none' },
      });
      if (res.status !== 202) throw new Error(`create ${i}: ${res.status} ${JSON.stringify(body)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (count / (performance.now() - start)) * 1000;
};

export const benchTunnelCreates = async (opts: {
  creates: number;
  concurrency: number;
  rounds: number;
}) => {
  const stack = await startPortalStack({ workerConcurrency: 1 });
  try {
    const { record } = await stack.deps.config.tunnel.registry.readTunnel(stack.datacenterId);
    const row = await findCloudAccessRow(stack.deps.db, stack.datacenterId);
    if (!record || !row?.agent) throw new Error('the bench datacenter is not online');
    const secret = stack.deps.config.secretBox.open(row.agent.routerSecretEnc);
    const direct: Target = { base: stack.simUrl, headers: {} };
    const login = await json(direct, 'POST', '/identity/v3/auth/tokens', {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } },
        },
        scope: { project: { name: 'admin', domain: { name: 'Default' } } },
      },
    });
    const token = login.res.headers.get('x-subject-token') ?? '';
    const projectId = String((login.body.token as { project: { id: string } }).project.id);
    direct.headers = { 'x-auth-token': token };
    const tunnel: Target = {
      base: `http://${record.host}:${record.port}`,
      headers: { 'x-auth-token': token, [AGENT_SECRET_HEADER]: secret },
    };
    await json(direct, 'PUT', `/compute/v2.1/os-quota-sets/${projectId}`, {
      quota_set: { instances: -1, cores: -1, ram: -1 },
    });
    const images = await json(direct, 'GET', '/image/v2/images');
    const image = String((images.body.images as { id: string }[])[0]?.id);
    await createMany(tunnel, Math.min(50, opts.creates), opts.concurrency, image); // warm-up
    const rates = { direct: [] as number[], tunnel: [] as number[] };
    for (let r = 0; r < opts.rounds; r++) {
      rates.direct.push(await createMany(direct, opts.creates, opts.concurrency, image));
      rates.tunnel.push(await createMany(tunnel, opts.creates, opts.concurrency, image));
    }
    const d = median(rates.direct);
    const t = median(rates.tunnel);
    console.log(
      `api through the tunnel: ${opts.creates} POST /servers, ${opts.concurrency} in flight, median of ${opts.rounds}:\n` +
        `  direct (agent local listener): ${d.toFixed(0)} creates/s\n` +
        `  through the tunnel (gateway → SSH → agent router): ${t.toFixed(0)} creates/s\n` +
        `  tunnel / direct: ${(t / d).toFixed(2)}`,
    );
  } finally {
    await stack.stop();
  }
};

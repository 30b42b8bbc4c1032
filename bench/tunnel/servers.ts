import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { tunnelKeys } from '@yunguan/contract';
import {
  type Child,
  type RunningRedis,
  freePort,
  isPortOpen,
  startChild,
  startGatewayProcess,
  startRedis,
  waitFor,
} from '@yunguan/testing';
import { Redis } from 'ioredis';
import { generateEd25519KeyPair } from '@yunguan/domain/ssh-key';
import ssh2 from 'ssh2';

/** One side of the comparison: an SSH server and the two forwarded ports its clients opened. */
export type TunnelServer = {
  name: string;
  pid: number;
  /** Forwarded port leading to the bulk service. */
  bulkPort: number;
  /** Forwarded port leading to the HTTP service. */
  httpPort: number;
  /** Cipher the OpenSSH client negotiated with this server (read from `ssh -v`). */
  cipher: () => string;
};

export type Tunnels = { gateway: TunnelServer; sshd: TunnelServer; stop: () => Promise<void> };

const fingerprintOf = (publicKey: string): string => {
  const parsed = ssh2.utils.parseKey(publicKey);
  if (parsed instanceof Error) throw parsed;
  const digest = createHash('sha256').update(parsed.getPublicSSH()).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
};

/**
 * Start both servers on loopback — tunnel-gateway (as operators run it) and OpenSSH sshd
 * (infra/dev/start-sshd.sh) — and, for each, two stock `ssh -N -R` clients: one forwarding to
 * the bulk service, one to the HTTP service. Everything runs under `dir`, Redis keys under a
 * private prefix; `stop` ends it all.
 */
export const startTunnels = async (opts: {
  repo: string;
  dir: string;
  services: { bulkPort: number; httpPort: number };
}): Promise<Tunnels> => {
  const children: Child[] = [];
  let redisServer: RunningRedis | null = null;
  let redis: Redis | null = null;
  const prefix = `yg-bench:${process.pid}:`;
  const stop = async () => {
    for (const c of children.reverse()) await c.stop();
    if (redis !== null) {
      const stale = await redis.keys(`${prefix}*`);
      if (stale.length > 0) await redis.del(...stale);
      await redis.quit();
    }
    await redisServer?.stop();
  };
  try {
    let redisUrl = process.env.REDIS_URL;
    if (redisUrl === undefined) {
      redisServer = await startRedis({
        dataDir: join(opts.dir, 'redis'),
        port: await freePort(),
        persist: false,
      });
      redisUrl = redisServer.url;
    }
    redis = new Redis(redisUrl);

    const keys = { bulk: await agentKey(opts.dir, 'bulk'), http: await agentKey(opts.dir, 'http') };
    await writeFile(
      join(opts.dir, 'authorized_keys'),
      `${keys.bulk.publicKey}\n${keys.http.publicKey}\n`,
    );
    const ports = {
      gwSsh: await freePort(),
      sshdSsh: await freePort(),
      gwBulk: await freePort(),
      gwHttp: await freePort(),
      sshdBulk: await freePort(),
      sshdHttp: await freePort(),
    };
    // What enrollment does: each key may forward exactly its datacenter's port.
    const registry = tunnelKeys(prefix);
    for (const [name, port] of [
      ['bulk', ports.gwBulk],
      ['http', ports.gwHttp],
    ] as const) {
      await redis.set(
        registry.agentKey(fingerprintOf(keys[name].publicKey)),
        JSON.stringify({ datacenterId: `dc-bench-${name}`, port, revoked: false }),
      );
    }
    const gateway = await startGatewayProcess({
      root: opts.repo,
      gatewayId: 'gw-bench',
      dataDir: join(opts.dir, 'gateway'),
      sshPort: ports.gwSsh,
      redisUrl,
      prefix,
      portRange: {
        first: Math.min(ports.gwBulk, ports.gwHttp),
        last: Math.max(ports.gwBulk, ports.gwHttp),
      },
      quiet: true,
    });
    children.push(gateway);

    let sshdReady = false;
    const sshd = startChild(
      'sshd',
      'bash',
      [
        join(opts.repo, 'infra/dev/start-sshd.sh'),
        join(opts.dir, 'sshd'),
        String(ports.sshdSsh),
        join(opts.dir, 'authorized_keys'),
      ],
      {
        cwd: opts.repo,
        env: { PATH: process.env.PATH },
        quiet: true,
        onLine: (line) => (sshdReady ||= line.includes('Server listening on 127.0.0.1')),
      },
    );
    children.push(sshd);
    await waitFor('sshd', () => Promise.resolve(sshdReady));

    const forward = (name: 'bulk' | 'http', sshPort: number, fwdPort: number, toPort: number) => {
      let cipher: string | null = null;
      // -v (to learn the cipher) on the bulk clients only: it logs every channel opened.
      const args = sshArgs(keys[name].path, sshPort, fwdPort, toPort, name === 'bulk');
      const child = startChild('ssh', 'ssh', args, {
        cwd: opts.dir,
        env: { PATH: process.env.PATH },
        quiet: true,
        onLine: (line) => {
          cipher ??= /kex: server->client cipher: (\S+)/.exec(line)?.[1] ?? null;
        },
      });
      children.push(child);
      return { cipher: () => cipher };
    };
    const gwBulk = forward('bulk', ports.gwSsh, ports.gwBulk, opts.services.bulkPort);
    forward('http', ports.gwSsh, ports.gwHttp, opts.services.httpPort);
    const sshdBulk = forward('bulk', ports.sshdSsh, ports.sshdBulk, opts.services.bulkPort);
    forward('http', ports.sshdSsh, ports.sshdHttp, opts.services.httpPort);
    for (const port of [ports.gwBulk, ports.gwHttp, ports.sshdBulk, ports.sshdHttp]) {
      await waitFor(`forwarded port ${port}`, () => isPortOpen(port));
    }
    return {
      gateway: {
        name: 'tunnel-gateway',
        pid: gateway.process.pid!,
        bulkPort: ports.gwBulk,
        httpPort: ports.gwHttp,
        cipher: () => gwBulk.cipher() ?? 'unknown',
      },
      sshd: {
        name: 'OpenSSH sshd',
        pid: sshd.process.pid!,
        bulkPort: ports.sshdBulk,
        httpPort: ports.sshdHttp,
        cipher: () => sshdBulk.cipher() ?? 'unknown',
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
};

const agentKey = async (dir: string, name: string) => {
  const pair = generateEd25519KeyPair(`bench-${name}`);
  const path = join(dir, `agent_${name}`);
  await writeFile(path, pair.private, { mode: 0o600 });
  return { path, publicKey: pair.public };
};

/** The same stock OpenSSH client command for both servers. */
const sshArgs = (
  keyPath: string,
  sshPort: number,
  fwdPort: number,
  toPort: number,
  verbose: boolean,
) => [
  ...(verbose ? ['-v'] : []),
  ...['-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no'],
  ...['-o', 'UserKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes'],
  ...['-o', 'ExitOnForwardFailure=yes', '-i', keyPath, '-p', String(sshPort), '-N'],
  ...['-R', `127.0.0.1:${fwdPort}:127.0.0.1:${toPort}`, `${userInfo().username}@127.0.0.1`],
];

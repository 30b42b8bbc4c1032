import { createHash, randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type EnrollAgentOutput,
  type TunnelKeys,
  allocatePortScript,
  enrollAgent,
  enrollAgentInput,
} from '@yunguan/contract';
import type { Redis } from 'ioredis';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../src/tunnel/fingerprint-of';

/**
 * A minimal, test-only stand-in for portal-api's enrollment endpoint, written against the
 * contract and the Redis schema of docs/adr/0101 — the steps portal-api must take:
 * check the one-time token (stored hashed, single use), allocate the port atomically, publish
 * the key in Redis, answer with the tunnel settings.
 */
export const startReferenceEnrollServer = async (opts: {
  redis: Redis;
  keys: TunnelKeys;
  prefix: string;
  datacenterId: string;
  token: string;
  portRange: { first: number; last: number };
  gateway: { host: string; port: number };
  hostKeyFingerprint: string;
}): Promise<{ url: string; routerSecret: string; close: () => Promise<void> }> => {
  let tokenHash: string | null = createHash('sha256').update(opts.token).digest('hex');
  const routerSecret = randomBytes(32).toString('base64url');
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        if (req.method !== enrollAgent.method || req.url !== enrollAgent.path)
          return reply(404, {});
        const input = enrollAgentInput.safeParse(JSON.parse(body));
        if (!input.success)
          return reply(400, { error: { code: 'VALIDATION', message: 'bad input' } });
        const hash = createHash('sha256').update(input.data.token).digest('hex');
        if (tokenHash === null || hash !== tokenHash) {
          return reply(401, {
            error: { code: 'UNAUTHENTICATED', message: 'token unknown, used or expired' },
          });
        }
        tokenHash = null; // single use
        const key = ssh2.utils.parseKey(input.data.publicKey);
        if (key instanceof Error)
          return reply(400, { error: { code: 'VALIDATION', message: 'bad key' } });
        const fingerprint = fingerprintOf(key.getPublicSSH());
        const port = Number(
          await opts.redis.eval(
            allocatePortScript,
            1,
            opts.keys.portOf(opts.datacenterId),
            opts.prefix,
            opts.datacenterId,
            opts.portRange.first,
            opts.portRange.last,
          ),
        );
        await opts.redis.set(
          opts.keys.agentKey(fingerprint),
          JSON.stringify({ datacenterId: opts.datacenterId, port, revoked: false }),
        );
        const out: EnrollAgentOutput = {
          datacenterId: opts.datacenterId,
          gateways: [opts.gateway],
          hostKeyFingerprint: opts.hostKeyFingerprint,
          port,
          routerSecret,
          sshUser: opts.datacenterId,
        };
        reply(enrollAgent.status, out);
      })();
    });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routerSecret,
    close: () => new Promise((r) => server.close(() => r())),
  };
};

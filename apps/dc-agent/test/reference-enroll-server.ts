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
 * check the one-time token (stored hashed, single use), allocate the port atomically, replace
 * the datacenter's earlier key (delete it, publish its revocation), publish the new key in
 * Redis, answer with the tunnel settings.
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
}): Promise<{
  url: string;
  routerSecret: string;
  /** A new one-time token for the same datacenter (re-enrollment / rotation). */
  issueToken: () => string;
  close: () => Promise<void>;
}> => {
  const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
  const tokenHashes = new Set([hashOf(opts.token)]);
  /** The datacenter's enrolled key (the Agent row's fingerprint). */
  let currentFingerprint: string | null = null;
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
        const hash = hashOf(input.data.token);
        if (!tokenHashes.has(hash)) {
          return reply(401, {
            error: { code: 'UNAUTHENTICATED', message: 'token unknown, used or expired' },
          });
        }
        tokenHashes.delete(hash); // single use
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
        const previous = currentFingerprint;
        currentFingerprint = fingerprint;
        if (previous !== null && previous !== fingerprint) {
          // The new key replaces the old one: gone from Redis, and its connection is ended.
          await opts.redis.del(opts.keys.agentKey(previous));
          await opts.redis.publish(
            opts.keys.revocationsChannel,
            JSON.stringify({ fingerprint: previous }),
          );
        }
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
    issueToken: () => {
      // Shaped like the portal's tokens (ygenr_…): a bare base64url token may start with '-', which
      // the CLI (node:util parseArgs) would read as an option.
      const token = `ygenr_${randomBytes(24).toString('base64url')}`;
      tokenHashes.add(hashOf(token));
      return token;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
};

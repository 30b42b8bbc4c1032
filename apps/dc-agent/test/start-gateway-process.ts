import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Spawned, spawnProcess, testRedisUrl } from '@yunguan/testing/tunnel';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../src/tunnel/fingerprint-of';

const gatewayMain = resolve(import.meta.dirname, '../../tunnel-gateway/src/main.ts');

export type GatewayProcessOptions = {
  gatewayId: string;
  dataDir: string;
  sshPort: number;
  prefix: string;
  portRange: { first: number; last: number };
};

/** The environment a real tunnel-gateway process runs with in these tests. */
export const gatewayProcessEnv = (opts: GatewayProcessOptions): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  GATEWAY_ID: opts.gatewayId,
  GATEWAY_DATA_DIR: opts.dataDir,
  GATEWAY_SSH_HOST: '127.0.0.1',
  GATEWAY_SSH_PORT: String(opts.sshPort),
  GATEWAY_HTTP_PORT: '0',
  REDIS_URL: testRedisUrl(),
  REDIS_KEY_PREFIX: opts.prefix,
  TUNNEL_PORT_RANGE: `${opts.portRange.first}-${opts.portRange.last}`,
  LOG_LEVEL: 'info',
});

/**
 * tunnel-gateway as its own process (apps never import each other), started from its main
 * module the way operators run it; ready when it logs that it listens.
 */
export const startGatewayProcess = async (env: NodeJS.ProcessEnv): Promise<Spawned> => {
  const gateway = spawnProcess(process.execPath, ['--import', 'tsx', gatewayMain], env);
  await gateway.waitForOutput(/tunnel gateway listening/, 15_000);
  return gateway;
};

/** The fingerprint agents pin: from the host key the gateway wrote into its data directory. */
export const readGatewayFingerprint = async (dataDir: string): Promise<string> => {
  const pub = ssh2.utils.parseKey(await readFile(join(dataDir, 'host_ed25519.pub'), 'utf8'));
  if (pub instanceof Error) throw pub;
  return fingerprintOf(pub.getPublicSSH());
};

/** An OpenSSH public key line's fingerprint, as `ssh-keygen -lf` prints it. */
export const fingerprintOfPublicKey = (publicKey: string): string => {
  const parsed = ssh2.utils.parseKey(publicKey);
  if (parsed instanceof Error) throw parsed;
  return fingerprintOf(parsed.getPublicSSH());
};

import type { AuthContext } from 'ssh2';
import ssh2 from 'ssh2';
import type { AgentConnection, GatewayContext } from '../gateway-context';
import { findAgentKey } from '../registry/find-agent-key';
import { fingerprintOf } from './fingerprint-of';
import { refuse } from './refuse';

/**
 * Public-key authentication against the Redis authorisation source. Keys are looked up by
 * fingerprint; the user name is informational. Any other method is refused with the method list
 * `publickey`, so OpenSSH prints "Permission denied (publickey)".
 */
export const authenticateAgent = async (
  ctx: GatewayContext,
  conn: AgentConnection,
  auth: AuthContext,
): Promise<void> => {
  if (auth.method !== 'publickey') {
    // 'none' is how every client asks which methods exist: not a refusal worth counting.
    if (auth.method !== 'none') refuse(ctx, conn, 'auth-method', { method: auth.method });
    auth.reject(['publickey']);
    return;
  }
  const fingerprint = fingerprintOf(auth.key.data);
  const record = await findAgentKey(ctx.redis, ctx.keys, fingerprint);
  if (record === null) {
    refuse(ctx, conn, 'unknown-key', { fingerprint, user: auth.username });
    auth.reject(['publickey']);
    return;
  }
  if (record.revoked) {
    refuse(ctx, conn, 'revoked-key', { fingerprint, datacenterId: record.datacenterId });
    auth.reject(['publickey']);
    return;
  }
  const { first, last } = ctx.config.portRange;
  if (record.port < first || record.port > last) {
    ctx.log.error(
      { datacenterId: record.datacenterId, port: record.port, first, last },
      'agent key names a port outside the gateway range; refusing',
    );
    refuse(ctx, conn, 'forward-port', { fingerprint, port: record.port });
    auth.reject(['publickey']);
    return;
  }
  if (auth.signature === undefined) {
    // The client asks whether this key would do; it signs next.
    auth.accept();
    return;
  }
  const key = ssh2.utils.parseKey(auth.key.data);
  if (
    key instanceof Error ||
    auth.blob === undefined ||
    !key.verify(auth.blob, auth.signature, auth.hashAlgo)
  ) {
    refuse(ctx, conn, 'bad-signature', { fingerprint });
    auth.reject(['publickey']);
    return;
  }
  conn.identity = { datacenterId: record.datacenterId, port: record.port, fingerprint };
  auth.accept();
};

import { randomUUID } from 'node:crypto';
import type { ClientInfo, Connection, TcpipBindInfo } from 'ssh2';
import type { AgentConnection, GatewayContext } from '../gateway-context';
import { authenticateAgent } from './authenticate-agent';
import { handleCancelForward } from './handle-cancel-forward';
import { handleTcpipForward } from './handle-tcpip-forward';
import { refuse } from './refuse';
import { teardownConnection } from './teardown-connection';

/** Like sshd's LoginGraceTime: an unauthenticated connection does not linger. */
const loginGraceMs = 30_000;

type GlobalRequestInfo = Partial<TcpipBindInfo> & { socketPath?: string };

/** Wire one incoming SSH connection: authenticate, allow the one forward, refuse the rest. */
export const handleConnection = (
  ctx: GatewayContext,
  client: Connection,
  info: ClientInfo,
): void => {
  const conn: AgentConnection = {
    sessionId: randomUUID(),
    client,
    remoteAddress: info.ip,
    identity: null,
    forward: null,
    connectedSince: new Date(),
    ready: false,
    closed: false,
    teardown: null,
  };
  const fail = (what: string) => (err: unknown) => {
    ctx.log.error(
      { sessionId: conn.sessionId, err: err instanceof Error ? err.message : String(err) },
      what,
    );
  };
  const grace = setTimeout(() => {
    if (!conn.ready) void teardownConnection(ctx, conn, 'login grace time exceeded');
  }, loginGraceMs);
  grace.unref();

  client.on('authentication', (auth) => {
    authenticateAgent(ctx, conn, auth).catch((err: unknown) => {
      fail('authentication failed on an internal error')(err);
      auth.reject(['publickey']);
    });
  });
  client.on('ready', () => {
    clearTimeout(grace);
    conn.ready = true;
    ctx.connections.set(conn.sessionId, conn);
    ctx.metrics.connections.inc();
    ctx.metrics.connectionsTotal.inc({ result: 'accepted' });
    ctx.log.info(
      {
        sessionId: conn.sessionId,
        datacenterId: conn.identity?.datacenterId,
        remoteAddress: conn.remoteAddress,
      },
      'agent connected',
    );
  });
  client.on('session', (_accept, reject) => {
    refuse(ctx, conn, 'session');
    reject();
  });
  client.on('tcpip', (_accept, reject, req) => {
    refuse(ctx, conn, 'direct-tcpip', { destIP: req.destIP, destPort: req.destPort });
    reject();
  });
  client.on('openssh.streamlocal', (_accept, reject, req) => {
    refuse(ctx, conn, 'streamlocal', { socketPath: req.socketPath });
    reject();
  });
  const onRequest = (
    accept: ((chosenPort?: number) => void) | undefined,
    reject: (() => void) | undefined,
    name: string,
    req: GlobalRequestInfo,
  ) => {
    const bind = { bindAddr: req.bindAddr ?? '', bindPort: req.bindPort ?? -1 };
    if (name === 'tcpip-forward') {
      handleTcpipForward(ctx, conn, bind, accept, reject).catch((err: unknown) => {
        fail('tcpip-forward failed')(err);
        reject?.();
      });
    } else if (name === 'cancel-tcpip-forward') {
      handleCancelForward(ctx, conn, bind, accept, reject).catch((err: unknown) => {
        fail('cancel-tcpip-forward failed')(err);
        reject?.();
      });
    } else {
      refuse(
        ctx,
        conn,
        name.startsWith('streamlocal') || name.startsWith('cancel-streamlocal')
          ? 'streamlocal'
          : 'global-request',
        { request: name },
      );
      reject?.();
    }
  };
  client.on('request', onRequest);
  client.on('error', (err) => {
    ctx.log.debug({ sessionId: conn.sessionId, err: err.message }, 'ssh connection error');
  });
  client.on('close', () => {
    clearTimeout(grace);
    void teardownConnection(ctx, conn, 'disconnected');
  });
};

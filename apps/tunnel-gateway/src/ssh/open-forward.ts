import { type Socket, createServer } from 'node:net';
import type { ActiveForward, AgentConnection, GatewayContext } from '../gateway-context';
import { pipeForwardedSocket } from './pipe-forwarded-socket';

/** Listen on the datacenter's port; each accepted connection becomes a channel to the agent. */
export const openForward = (
  ctx: GatewayContext,
  conn: AgentConnection,
  port: number,
  requestedBindAddr: string,
): Promise<ActiveForward> =>
  new Promise((resolve, reject) => {
    const sockets = new Set<Socket>();
    const listener = createServer({ noDelay: true }, (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      pipeForwardedSocket(ctx, conn, socket, requestedBindAddr, port);
    });
    listener.once('error', reject);
    listener.listen({ host: ctx.config.forwardBindAddress, port, exclusive: true }, () => {
      listener.off('error', reject);
      listener.on('error', (err) =>
        ctx.log.error(
          { sessionId: conn.sessionId, port, err: err.message },
          'forward listener error',
        ),
      );
      resolve({ listener, sockets, port, requestedBindAddr });
    });
  });

/** Stop listening and drop every connection still open on the port. */
export const closeForward = (forward: ActiveForward): Promise<void> =>
  new Promise((resolve) => {
    forward.listener.close(() => resolve());
    for (const socket of forward.sockets) socket.destroy();
  });

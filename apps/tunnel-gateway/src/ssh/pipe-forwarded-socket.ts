import type { Socket } from 'node:net';
import type { AgentConnection, GatewayContext } from '../gateway-context';

/** Carry one TCP connection on a forwarded port to the agent as a `forwarded-tcpip` channel. */
export const pipeForwardedSocket = (
  ctx: GatewayContext,
  conn: AgentConnection,
  socket: Socket,
  bindAddr: string,
  port: number,
): void => {
  socket.setNoDelay(true);
  socket.on('error', (err) => {
    ctx.log.debug({ sessionId: conn.sessionId, err: err.message }, 'forwarded socket error');
  });
  socket.once('close', () => {
    ctx.metrics.bytesTotal.inc({ direction: 'to_agent' }, socket.bytesRead);
    ctx.metrics.bytesTotal.inc({ direction: 'from_agent' }, socket.bytesWritten);
  });
  conn.client.forwardOut(
    bindAddr,
    port,
    socket.remoteAddress ?? '127.0.0.1',
    socket.remotePort ?? 0,
    (err, channel) => {
      if (err) {
        ctx.log.warn(
          {
            sessionId: conn.sessionId,
            datacenterId: conn.identity?.datacenterId,
            err: err.message,
          },
          'agent refused a forwarded channel',
        );
        socket.destroy();
        return;
      }
      ctx.metrics.forwardedChannelsTotal.inc();
      channel.on('error', () => socket.destroy());
      channel.once('close', () => socket.destroy());
      socket.once('close', () => channel.close());
      socket.pipe(channel);
      channel.pipe(socket);
    },
  );
};

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger';
import { upstreamRequestHeaders } from './forward-headers';
import type { RouteMatch } from './match-route';
import { requestUpstream } from './upstream-agents';

/** Pass a WebSocket (or any HTTP/1.1 upgrade) through to the upstream, byte for byte. */
export const proxyUpgrade = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  route: RouteMatch,
  log: Logger,
): void => {
  const { target } = route;
  const headers = upstreamRequestHeaders(req.headers, route);
  headers.connection = 'Upgrade';
  headers.upgrade = req.headers.upgrade ?? 'websocket';
  const upstream = requestUpstream(target, { method: req.method, headers, agent: false });
  upstream.on('upgrade', (upRes, upSocket, upHead) => {
    const lines = [
      `HTTP/1.1 ${upRes.statusCode ?? 101} ${upRes.statusMessage ?? 'Switching Protocols'}`,
    ];
    for (let i = 0; i < upRes.rawHeaders.length; i += 2)
      lines.push(`${upRes.rawHeaders[i]}: ${upRes.rawHeaders[i + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upHead.length > 0) socket.write(upHead);
    if (head.length > 0) upSocket.write(head);
    upSocket.on('error', () => socket.destroy());
    socket.on('error', () => upSocket.destroy());
    upSocket.pipe(socket);
    socket.pipe(upSocket);
  });
  upstream.on('response', (upRes) => {
    // The upstream declined the upgrade: relay its answer and close.
    socket.write(
      `HTTP/1.1 ${upRes.statusCode ?? 502} ${upRes.statusMessage ?? ''}\r\nconnection: close\r\n\r\n`,
    );
    upRes.resume();
    socket.end();
  });
  upstream.on('error', (err) => {
    log.warn({ upstream: target.origin, err: err.message }, 'upstream upgrade failed');
    socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  upstream.end();
};

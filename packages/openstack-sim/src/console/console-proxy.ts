import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ConsoleHub, ConsoleLease } from './console-hub';

/** Where the WebSocket side of the console lives (under the sim's /console prefix). */
export const consoleSocketPath = '/console/websockify';

const refuse = (socket: Duplex, status: string) =>
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/**
 * nova-novncproxy in miniature: `GET /console/websockify?token=…` upgrades to a WebSocket (binary
 * frames, subprotocol `binary` when asked; framing by `ws`), checks the one-time token and relays
 * the frames to the instance's VNC server on its loopback port (started for the first client).
 */
export const attachConsoleProxy = (server: Server, hub: ConsoleHub): (() => void) => {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => (offered.has('binary') ? 'binary' : false),
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void upgrade(wss, req, socket, head, hub);
  });
  return () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
};

const upgrade = async (
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  hub: ConsoleHub,
) => {
  const url = new URL(req.url ?? '/', 'http://sim');
  if (url.pathname !== consoleSocketPath) return refuse(socket, '404 Not Found');
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return refuse(socket, '400 Bad Request');
  const serverId = hub.consumeToken(url.searchParams.get('token') ?? '');
  if (serverId === null) return refuse(socket, '401 Unauthorized');
  const lease = await hub.acquire(serverId);
  if (lease === null) return refuse(socket, '409 Conflict');
  const vnc = connect({ host: '127.0.0.1', port: lease.port });
  vnc.setNoDelay(true);
  vnc.once('error', () => {
    lease.release();
    refuse(socket, '502 Bad Gateway');
  });
  vnc.once('connect', () => {
    vnc.removeAllListeners('error');
    if (socket.destroyed || !socket.writable) {
      // The client left while the VNC server started: nothing to relay.
      lease.release();
      return vnc.destroy();
    }
    // No 'data' listener yet: the VNC server's first bytes wait in the socket until the relay.
    wss.handleUpgrade(req, socket, head, (ws) => relay(ws, vnc, lease));
  });
};

const relay = (ws: WebSocket, vnc: Duplex, lease: ConsoleLease) => {
  const close = () => {
    lease.release();
    if (ws.readyState === ws.OPEN) ws.close(1000);
    vnc.destroy();
  };
  ws.on('message', (data, isBinary) => {
    const bytes = toBuffer(data);
    vnc.write(isBinary ? bytes : Buffer.from(bytes.toString('latin1'), 'base64'));
  });
  vnc.on('data', (chunk: Buffer) => ws.send(chunk, { binary: true }));
  vnc.on('close', close);
  vnc.on('error', close);
  ws.on('close', close);
  ws.on('error', close);
};

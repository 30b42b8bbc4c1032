import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Upstream = {
  url: string;
  close: () => Promise<void>;
  seenHeaders: () => Record<string, string | string[] | undefined>[];
};

/**
 * A real HTTP service standing in for an OpenStack API inside the datacenter: echoes what it
 * received, answers Keystone-shaped token bodies, and echoes WebSocket-style upgrades.
 */
export const startUpstream = async (
  name: string,
  catalogUrls: Record<string, string> = {},
): Promise<Upstream> => {
  const seen: Record<string, string | string[] | undefined>[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url?.endsWith('/v3/auth/tokens')) {
      req.resume();
      const catalog = Object.entries(catalogUrls).map(([type, url]) => ({
        type,
        id: type,
        name: type,
        endpoints: [
          {
            id: `${type}-public`,
            interface: 'public',
            region: 'RegionOne',
            region_id: 'RegionOne',
            url,
          },
        ],
      }));
      res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': 'tok-123' });
      res.end(JSON.stringify({ token: { methods: ['password'], catalog } }));
      return;
    }
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ upstream: name, method: req.method, path: req.url, bytes }));
    });
  });
  server.on('upgrade', (req, socket, head) => {
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nx-upstream: ' +
        name +
        '\r\n\r\n',
    );
    if (head.length > 0) socket.write(head);
    socket.pipe(socket); // echo
    void req;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seenHeaders: () => seen,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};

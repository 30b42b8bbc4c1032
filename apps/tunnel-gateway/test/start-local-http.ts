import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The service at the datacenter end of a stock `ssh -R`: answers /agent/healthz and /hello. */
export const startLocalHttp = async (
  name: string,
): Promise<{ server: Server; port: number; close: () => Promise<void> }> => {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/agent/healthz') res.end(JSON.stringify({ status: 'ok' }));
    else res.end(JSON.stringify({ from: name, path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, port, close };
};

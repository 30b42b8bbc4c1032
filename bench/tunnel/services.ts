import { type Server as HttpServer, createServer as createHttpServer } from 'node:http';
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';

/**
 * What stands behind `ssh -R` in the benchmark, where the agent's router would be.
 * Bulk: a 9-byte header — 'U' or 'D' and a 64-bit size — then 'U' (upload, towards the
 * datacenter) reads that many bytes and answers one byte; 'D' (download) sends that many bytes.
 */
export const startBulkService = async (): Promise<{ port: number; close: () => Promise<void> }> => {
  const server: Server = createServer({ noDelay: true }, serveBulk);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
};

export const bulkHeader = (direction: 'U' | 'D', bytes: number): Buffer => {
  const header = Buffer.alloc(9);
  header.write(direction, 0, 'latin1');
  header.writeBigUInt64BE(BigInt(bytes), 1);
  return header;
};

export const payloadChunk = Buffer.alloc(1024 * 1024, 0x5a);

const serveBulk = (socket: Socket) => {
  socket.on('error', () => socket.destroy());
  let header: Buffer = Buffer.alloc(0);
  let remaining = -1;
  socket.on('data', (data: Buffer) => {
    if (remaining < 0) {
      header = Buffer.concat([header, data]);
      if (header.length < 9) return;
      const direction = header.toString('latin1', 0, 1);
      remaining = Number(header.readBigUInt64BE(1));
      if (direction === 'D') {
        void sendBytes(socket, remaining);
        return;
      }
      data = header.subarray(9);
    }
    remaining -= data.length;
    if (remaining <= 0) socket.end('K');
  });
};

const sendBytes = async (socket: Socket, bytes: number) => {
  for (let sent = 0; sent < bytes; sent += payloadChunk.length) {
    const part = Math.min(payloadChunk.length, bytes - sent);
    const chunk = part === payloadChunk.length ? payloadChunk : payloadChunk.subarray(0, part);
    if (!socket.write(chunk)) {
      await new Promise<void>((ok) => {
        const done = () => {
          socket.off('drain', done);
          socket.off('close', done);
          ok();
        };
        socket.on('drain', done);
        socket.on('close', done);
      });
      if (socket.destroyed) return;
    }
  }
  socket.end();
};

/** A small JSON answer, like the agent's `/agent/healthz` (which the gateway probes too). */
export const startHttpService = async (): Promise<{
  port: number;
  close: () => Promise<void>;
}> => {
  const body = JSON.stringify({ status: 'ok' });
  const server: HttpServer = createHttpServer({ keepAliveTimeout: 60_000 }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
};

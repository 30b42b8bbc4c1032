import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { drawLive, drawScreen, liveBand, newFramebuffer } from './console-screen';
import {
  decodePixelFormat,
  defaultPixelFormat,
  encodePixelFormat,
  type PixelFormat,
  type Rect,
} from './rfb-framebuffer';

export type RfbServer = { port: number; stop: () => Promise<void> };

const tickMs = 500;
const protocolVersion = 'RFB 003.008\n';

/** Client → server message lengths that do not depend on the payload (RFC 6143 §7.5). */
const fixedLength: Record<number, number> = { 0: 20, 3: 10, 4: 8, 5: 6 };

/**
 * A tiny RFB 3.8 server (RFC 6143) on a loopback port: security type None, raw encoding, a
 * 640×400 text screen with the server's name, a live uptime and a blinking cursor.
 */
export const startRfbServer = async (opts: {
  name: string;
  serverId: string;
  host?: string;
}): Promise<RfbServer> => {
  const fb = newFramebuffer();
  const startedAt = Date.now();
  let tick = 0;
  const screen = () => ({
    name: opts.name,
    serverId: opts.serverId,
    uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
    tick,
  });
  drawScreen(fb, screen());
  const waiting = new Set<() => void>();
  const timer = setInterval(() => {
    tick += 1;
    drawLive(fb, screen());
    for (const send of [...waiting]) send();
    waiting.clear();
  }, tickMs);
  timer.unref();

  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serveClient(socket, { fb, name: opts.name || opts.serverId, waiting });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        waiting.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};

type Shared = {
  fb: ReturnType<typeof newFramebuffer>;
  name: string;
  waiting: Set<() => void>;
};

const serveClient = (socket: Socket, { fb, name, waiting }: Shared) => {
  let phase: 'version' | 'security' | 'init' | 'normal' = 'version';
  let buffer = Buffer.alloc(0);
  let pf: PixelFormat = defaultPixelFormat;
  let pendingSend: (() => void) | null = null;
  socket.on('close', () => {
    if (pendingSend) waiting.delete(pendingSend);
  });

  const sendUpdate = (rect: Rect) => {
    const header = Buffer.alloc(4 + 12);
    header.writeUInt8(0, 0);
    header.writeUInt16BE(1, 2);
    header.writeUInt16BE(rect.x, 4);
    header.writeUInt16BE(rect.y, 6);
    header.writeUInt16BE(rect.w, 8);
    header.writeUInt16BE(rect.h, 10);
    header.writeInt32BE(0, 12);
    if (!socket.destroyed) socket.write(Buffer.concat([header, fb.encode(rect, pf)]));
  };
  const clip = (x: number, y: number, w: number, h: number): Rect => {
    const cx = Math.min(x, fb.width);
    const cy = Math.min(y, fb.height);
    return { x: cx, y: cy, w: Math.min(w, fb.width - cx), h: Math.min(h, fb.height - cy) };
  };

  const onRequest = (incremental: boolean, rect: Rect) => {
    if (!incremental) return sendUpdate(rect);
    // Incremental: nothing changes between ticks; answer with the live band on the next one.
    if (pendingSend) return;
    const send = () => {
      pendingSend = null;
      sendUpdate(liveBand);
    };
    pendingSend = send;
    waiting.add(send);
  };

  /** Consumes one message from the buffer; false when more bytes are needed. */
  const step = (): boolean => {
    if (phase === 'version') {
      if (buffer.length < 12) return false;
      if (buffer.subarray(0, 12).toString('latin1') !== protocolVersion) {
        socket.end();
        return false;
      }
      buffer = buffer.subarray(12);
      phase = 'security';
      socket.write(Buffer.from([1, 1])); // one security type: None
      return true;
    }
    if (phase === 'security') {
      if (buffer.length < 1) return false;
      const chosen = buffer.readUInt8(0);
      buffer = buffer.subarray(1);
      if (chosen !== 1) {
        const reason = Buffer.from('security type not supported');
        const failed = Buffer.alloc(8);
        failed.writeUInt32BE(1, 0);
        failed.writeUInt32BE(reason.length, 4);
        socket.end(Buffer.concat([failed, reason]));
        return false;
      }
      socket.write(Buffer.alloc(4)); // SecurityResult OK
      phase = 'init';
      return true;
    }
    if (phase === 'init') {
      if (buffer.length < 1) return false;
      buffer = buffer.subarray(1); // shared flag: every client shares the screen
      const nameBytes = Buffer.from(name, 'utf8');
      const init = Buffer.alloc(4);
      init.writeUInt16BE(fb.width, 0);
      init.writeUInt16BE(fb.height, 2);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(nameBytes.length, 0);
      socket.write(Buffer.concat([init, encodePixelFormat(pf), length, nameBytes]));
      phase = 'normal';
      return true;
    }
    if (buffer.length < 1) return false;
    const type = buffer.readUInt8(0);
    let length = fixedLength[type];
    if (type === 2) length = buffer.length < 4 ? undefined : 4 + 4 * buffer.readUInt16BE(2);
    else if (type === 6) length = buffer.length < 8 ? undefined : 8 + buffer.readUInt32BE(4);
    else if (length === undefined) {
      socket.destroy(); // an unknown message: its length is unknown, the stream is lost
      return false;
    }
    if (length === undefined || buffer.length < length) return false;
    const message = buffer.subarray(0, length);
    buffer = buffer.subarray(length);
    if (type === 0) {
      const wanted = decodePixelFormat(message.subarray(4, 20));
      if (!wanted) {
        socket.destroy();
        return false;
      }
      pf = wanted;
    } else if (type === 3) {
      const rect = clip(
        message.readUInt16BE(2),
        message.readUInt16BE(4),
        message.readUInt16BE(6),
        message.readUInt16BE(8),
      );
      onRequest(message.readUInt8(1) !== 0, rect);
    }
    return true;
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (step());
  });
  socket.write(protocolVersion);
};

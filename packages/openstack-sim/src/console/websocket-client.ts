import WebSocket, { type RawData } from 'ws';
import { ByteQueue } from './rfb-client';

export type BinarySocket = {
  /** Bytes of the binary frames received, in order. */
  queue: ByteQueue;
  /** The subprotocol the server chose. */
  protocol: string | undefined;
  send: (bytes: Buffer) => void;
  close: () => void;
};

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/**
 * A WebSocket client for binary streams (tests and the bench): `ws://…` with subprotocol
 * `binary`; rejects with the HTTP status when the server declines the upgrade.
 */
export const openBinarySocket = (
  url: string,
  headers: Record<string, string> = {},
): Promise<BinarySocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['binary'], { headers });
    ws.binaryType = 'nodebuffer';
    const queue = new ByteQueue();
    // Listening from the start: the server may speak in the same packet as its 101.
    ws.on('message', (data) => queue.push(toBuffer(data)));
    ws.on('unexpected-response', (_request, res) => {
      res.resume();
      ws.terminate();
      reject(new Error(`upgrade refused: ${res.statusCode ?? 0}`));
    });
    ws.on('error', (error) => {
      queue.end();
      reject(error);
    });
    ws.on('close', () => queue.end());
    ws.on('open', () =>
      resolve({
        queue,
        protocol: ws.protocol || undefined,
        send: (bytes) => ws.send(bytes, { binary: true }),
        close: () => ws.close(1000),
      }),
    );
  });

/**
 * A minimal RFB 3.8 client for tests and the bench: the handshake with security None and one
 * raw-encoded FramebufferUpdate, over any byte transport (TCP, or WebSocket binary frames).
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private size = 0;
  private waiter: (() => void) | null = null;
  private ended: Error | null = null;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.waiter?.();
  }

  end(error = new Error('the connection closed')): void {
    this.ended = error;
    this.waiter?.();
  }

  async read(n: number, timeoutMs = 10_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.size < n) {
      if (this.ended) throw this.ended;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${n} bytes (have ${this.size})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    const all = Buffer.concat(this.chunks);
    this.chunks = [all.subarray(n)];
    this.size -= n;
    return all.subarray(0, n);
  }
}

export type RfbServerInit = { width: number; height: number; bitsPerPixel: number; name: string };
export type RfbRect = {
  x: number;
  y: number;
  w: number;
  h: number;
  encoding: number;
  data: Buffer;
};

/** Version, security None, ClientInit (shared) → ServerInit. */
export const rfbHandshake = async (
  queue: ByteQueue,
  write: (bytes: Buffer) => void,
): Promise<RfbServerInit> => {
  const version = (await queue.read(12)).toString('latin1');
  if (version !== 'RFB 003.008\n') throw new Error(`unexpected protocol version ${version}`);
  write(Buffer.from('RFB 003.008\n', 'latin1'));
  const count = (await queue.read(1)).readUInt8(0);
  const types = [...(await queue.read(count))];
  if (!types.includes(1)) throw new Error(`security None not offered (${types.join(',')})`);
  write(Buffer.from([1]));
  const result = (await queue.read(4)).readUInt32BE(0);
  if (result !== 0) throw new Error(`security handshake failed (${result})`);
  write(Buffer.from([1]));
  const init = await queue.read(24);
  const name = (await queue.read(init.readUInt32BE(20))).toString('utf8');
  return {
    width: init.readUInt16BE(0),
    height: init.readUInt16BE(2),
    bitsPerPixel: init.readUInt8(4),
    name,
  };
};

/** Sends a FramebufferUpdateRequest and reads the FramebufferUpdate that answers it. */
export const rfbRequestUpdate = async (
  queue: ByteQueue,
  write: (bytes: Buffer) => void,
  request: { incremental: boolean; width: number; height: number; bytesPerPixel?: number },
): Promise<RfbRect[]> => {
  const message = Buffer.alloc(10);
  message.writeUInt8(3, 0);
  message.writeUInt8(request.incremental ? 1 : 0, 1);
  message.writeUInt16BE(request.width, 6);
  message.writeUInt16BE(request.height, 8);
  write(message);
  const header = await queue.read(4);
  if (header.readUInt8(0) !== 0) throw new Error(`unexpected message ${header.readUInt8(0)}`);
  const rects: RfbRect[] = [];
  for (let i = header.readUInt16BE(2); i > 0; i--) {
    const r = await queue.read(12);
    const [x, y, w, h] = [0, 2, 4, 6].map((o) => r.readUInt16BE(o)) as [
      number,
      number,
      number,
      number,
    ];
    const encoding = r.readInt32BE(8);
    if (encoding !== 0) throw new Error(`unexpected encoding ${encoding}`);
    rects.push({
      x,
      y,
      w,
      h,
      encoding,
      data: await queue.read(w * h * (request.bytesPerPixel ?? 4)),
    });
  }
  return rects;
};

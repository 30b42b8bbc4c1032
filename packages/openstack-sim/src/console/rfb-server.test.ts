import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ByteQueue, rfbHandshake, rfbRequestUpdate } from './rfb-client';
import { startRfbServer, type RfbServer } from './rfb-server';

describe('the simulated VNC server (RFB 3.8)', () => {
  const opened: { server: RfbServer; socket: Socket }[] = [];
  afterEach(async () => {
    for (const { server, socket } of opened.splice(0)) {
      socket.destroy();
      await server.stop();
    }
  });
  const open = async () => {
    const server = await startRfbServer({ name: 'web-01', serverId: 'a-server-id' });
    const socket = connect({ host: '127.0.0.1', port: server.port });
    const queue = new ByteQueue();
    socket.on('data', (chunk: Buffer) => queue.push(chunk));
    socket.on('close', () => queue.end());
    opened.push({ server, socket });
    return { server, socket, queue, write: (b: Buffer) => void socket.write(b) };
  };

  it('completes the handshake and sends a raw full frame with the banner', async () => {
    const { queue, write } = await open();
    const init = await rfbHandshake(queue, write);
    expect(init).toEqual({ width: 640, height: 400, bitsPerPixel: 32, name: 'web-01' });
    const [rect] = await rfbRequestUpdate(queue, write, {
      incremental: false,
      width: 640,
      height: 400,
    });
    expect(rect).toMatchObject({ x: 0, y: 0, w: 640, h: 400, encoding: 0 });
    // 0x00RRGGBB little endian: the banner's blue at (0,0), the background at the bottom.
    expect(rect?.data.readUInt32LE(0)).toBe(0x00006eb4);
    expect(rect?.data.readUInt32LE((399 * 640 + 639) * 4)).toBe(0x00101830);
  });

  it('answers an incremental request on the next tick with the live band (it changes)', async () => {
    const { queue, write } = await open();
    await rfbHandshake(queue, write);
    const request = { incremental: true, width: 640, height: 400 };
    const [first] = await rfbRequestUpdate(queue, write, request);
    const [second] = await rfbRequestUpdate(queue, write, request);
    expect(first).toMatchObject({ x: 0, y: 176, w: 640, h: 96 });
    // The cursor blinks every tick, so two consecutive bands differ.
    expect(first?.data.equals(second?.data ?? Buffer.alloc(0))).toBe(false);
  });

  it('honours SetPixelFormat (32 bpp, red in the low byte like noVNC)', async () => {
    const { queue, write } = await open();
    await rfbHandshake(queue, write);
    const message = Buffer.alloc(20);
    message.writeUInt8(0, 0);
    Buffer.from([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 0, 8, 16]).copy(message, 4);
    write(message);
    const [rect] = await rfbRequestUpdate(queue, write, {
      incremental: false,
      width: 1,
      height: 1,
    });
    expect(rect?.data.readUInt32LE(0)).toBe(0x00b46e00);
  });

  it('refuses a security type it did not offer', async () => {
    const { queue, write } = await open();
    await queue.read(12);
    write(Buffer.from('RFB 003.008\n'));
    expect([...(await queue.read(2))]).toEqual([1, 1]);
    write(Buffer.from([2]));
    const failed = await queue.read(8);
    expect(failed.readUInt32BE(0)).toBe(1);
    const reason = await queue.read(failed.readUInt32BE(4));
    expect(reason.toString()).toContain('not supported');
  });
});

import { glyphHeight, glyphOf, glyphWidth } from './rfb-font';

export type Rgb = readonly [number, number, number];
export type Rect = { x: number; y: number; w: number; h: number };

/** RFB PIXEL_FORMAT (true colour only; the simulated consoles never use a colour map). */
export type PixelFormat = {
  bitsPerPixel: 8 | 16 | 32;
  depth: number;
  bigEndian: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
};

/** What the servers announce in ServerInit: 32 bpp, depth 24, little endian, 0x00RRGGBB. */
export const defaultPixelFormat: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

export const encodePixelFormat = (pf: PixelFormat): Buffer => {
  const b = Buffer.alloc(16);
  b.writeUInt8(pf.bitsPerPixel, 0);
  b.writeUInt8(pf.depth, 1);
  b.writeUInt8(pf.bigEndian ? 1 : 0, 2);
  b.writeUInt8(1, 3);
  b.writeUInt16BE(pf.redMax, 4);
  b.writeUInt16BE(pf.greenMax, 6);
  b.writeUInt16BE(pf.blueMax, 8);
  b.writeUInt8(pf.redShift, 10);
  b.writeUInt8(pf.greenShift, 11);
  b.writeUInt8(pf.blueShift, 12);
  return b;
};

/** Reads a client's SetPixelFormat; null when it is not true colour at 8, 16 or 32 bpp. */
export const decodePixelFormat = (b: Buffer): PixelFormat | null => {
  const bpp = b.readUInt8(0);
  if ((bpp !== 8 && bpp !== 16 && bpp !== 32) || b.readUInt8(3) !== 1) return null;
  return {
    bitsPerPixel: bpp,
    depth: b.readUInt8(1),
    bigEndian: b.readUInt8(2) !== 0,
    redMax: b.readUInt16BE(4),
    greenMax: b.readUInt16BE(6),
    blueMax: b.readUInt16BE(8),
    redShift: b.readUInt8(10),
    greenShift: b.readUInt8(11),
    blueShift: b.readUInt8(12),
  };
};

/** An RGB frame buffer with the two drawing verbs a text console needs. */
export class Framebuffer {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
  }

  fill(rect: Rect, [r, g, b]: Rgb): void {
    const x1 = Math.min(this.width, rect.x + rect.w);
    const y1 = Math.min(this.height, rect.y + rect.h);
    for (let y = Math.max(0, rect.y); y < y1; y++)
      for (let x = Math.max(0, rect.x); x < x1; x++) {
        const i = (y * this.width + x) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
  }

  /** Draws text with the 5×7 font, each font pixel `scale` screen pixels, one column apart. */
  text(x: number, y: number, text: string, scale: number, color: Rgb): void {
    let left = x;
    for (const char of text) {
      glyphOf(char).forEach((bits, row) => {
        for (let col = 0; col < glyphWidth; col++)
          if (bits & (1 << (glyphWidth - 1 - col)))
            this.fill({ x: left + col * scale, y: y + row * scale, w: scale, h: scale }, color);
      });
      left += (glyphWidth + 1) * scale;
    }
  }

  /** The raw-encoded pixels of a rectangle in the client's pixel format. */
  encode(rect: Rect, pf: PixelFormat): Buffer {
    const bytes = pf.bitsPerPixel / 8;
    const out = Buffer.alloc(rect.w * rect.h * bytes);
    let o = 0;
    for (let y = rect.y; y < rect.y + rect.h; y++)
      for (let x = rect.x; x < rect.x + rect.w; x++) {
        const i = (y * this.width + x) * 3;
        const scale = (v: number, max: number) => Math.round(((v ?? 0) * max) / 255);
        const value =
          ((scale(this.pixels[i] as number, pf.redMax) << pf.redShift) |
            (scale(this.pixels[i + 1] as number, pf.greenMax) << pf.greenShift) |
            (scale(this.pixels[i + 2] as number, pf.blueMax) << pf.blueShift)) >>>
          0;
        if (bytes === 4) {
          if (pf.bigEndian) out.writeUInt32BE(value, o);
          else out.writeUInt32LE(value, o);
        } else if (bytes === 2) {
          if (pf.bigEndian) out.writeUInt16BE(value & 0xffff, o);
          else out.writeUInt16LE(value & 0xffff, o);
        } else out.writeUInt8(value & 0xff, o);
        o += bytes;
      }
    return out;
  }
}

export const textWidth = (text: string, scale: number) => text.length * (glyphWidth + 1) * scale;
export const textHeight = (scale: number) => glyphHeight * scale;

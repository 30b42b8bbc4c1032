import { Framebuffer, type Rect, type Rgb, textHeight, textWidth } from './rfb-framebuffer';

export const screenWidth = 640;
export const screenHeight = 400;

const background: Rgb = [16, 24, 48];
const banner: Rgb = [0, 110, 180];
const white: Rgb = [240, 240, 240];
const green: Rgb = [80, 220, 120];

/** The rows that change every tick (uptime counter and the blinking cursor). */
export const liveBand: Rect = { x: 0, y: 176, w: screenWidth, h: 96 };

const fit = (text: string, scale: number) => {
  const max = Math.floor(screenWidth / textWidth('M', scale)) - 2;
  return text.length > max ? `${text.slice(0, max - 2)}..` : text;
};

const clock = (seconds: number) =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

export type ScreenInput = { name: string; serverId: string; uptimeSeconds: number; tick: number };

/** Draws the whole console: a banner, the server's name and id, a live uptime and a cursor. */
export const drawScreen = (fb: Framebuffer, input: ScreenInput): void => {
  fb.fill({ x: 0, y: 0, w: fb.width, h: fb.height }, background);
  fb.fill({ x: 0, y: 0, w: fb.width, h: 48 }, banner);
  fb.text(16, 17, 'YUNGUAN SIMULATED DATACENTER - CONSOLE', 2, white);
  fb.text(16, 80, fit(input.name || input.serverId, 3), 3, white);
  fb.text(16, 120, input.serverId, 2, white);
  drawLive(fb, input);
};

/** Redraws only the live band (what an incremental update sends). */
export const drawLive = (fb: Framebuffer, input: ScreenInput): void => {
  fb.fill(liveBand, background);
  fb.text(16, 184, `UPTIME ${clock(input.uptimeSeconds)}`, 3, green);
  const prompt = `${fit(input.name || 'server', 2)} LOGIN: `;
  fb.text(16, 240, prompt, 2, white);
  if (input.tick % 2 === 0)
    fb.fill({ x: 16 + textWidth(prompt, 2), y: 240, w: 10, h: textHeight(2) }, white);
};

export const newFramebuffer = () => new Framebuffer(screenWidth, screenHeight);

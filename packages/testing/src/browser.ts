import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.YUNGUAN_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this kind of machine needs (no network chatter).
 * Playwright gives every launch a fresh temporary profile. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

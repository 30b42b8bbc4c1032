import { expect, it } from 'vitest';
import type { CloudProvider, Scope } from '../index';
import { consoleOf } from './ports';

/** A server's remote console (sub-port `console`), on the suite's running server. */
export const describeConsoleContract = (
  get: () => { provider: CloudProvider; scope: Scope; serverId: string },
) => {
  it('opens a VNC console', async () => {
    const { provider, scope, serverId } = get();
    const console = await consoleOf(provider).getServerConsole(scope, serverId);
    expect(console.protocol).toBe('vnc');
    expect(console.url).toMatch(/^https?:\/\/\S+$/);
    expect(decodeURIComponent(console.url)).toContain('token=');
  });
};

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleHub, type ConsoleHub } from './console-hub';

let hub: ConsoleHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const hubOver = (running: Set<string>, clock: { t: number }) =>
  createConsoleHub({
    findRunning: (id) => (running.has(id) ? { id, name: id } : null),
    onError: (id, error) => {
      throw new Error(`${id}: ${String(error)}`);
    },
    now: () => clock.t,
    reconcileMs: 10,
    idleMs: 1_000,
  });

describe('console hub', () => {
  it('starts no VNC server for running instances nobody watches', () => {
    const running = new Set(Array.from({ length: 10_000 }, (_, i) => `vm-${i}`));
    hub = hubOver(running, { t: 0 });
    hub.reconcile();
    expect(hub.stats()).toEqual({ vncServers: 0, clients: 0 });
  });

  it('starts one on the first client, shares it, stops it after the last client + idle time', async () => {
    const clock = { t: 0 };
    hub = hubOver(new Set(['vm']), clock);
    const [a, b] = await Promise.all([hub.acquire('vm'), hub.acquire('vm')]);
    expect(a?.port).toBe(b?.port);
    expect(hub.stats()).toEqual({ vncServers: 1, clients: 2 });
    a?.release();
    b?.release();
    b?.release();
    expect(hub.stats()).toEqual({ vncServers: 1, clients: 0 });
    clock.t = 999;
    hub.reconcile();
    expect(hub.stats().vncServers).toBe(1);
    clock.t = 1_000;
    await vi.waitFor(() => expect(hub?.stats().vncServers).toBe(0));
  });

  it('stops it when the instance stops, and gives none for an instance that does not run', async () => {
    const running = new Set(['vm']);
    hub = hubOver(running, { t: 0 });
    expect(await hub.acquire('other')).toBeNull();
    const lease = await hub.acquire('vm');
    expect(lease).not.toBeNull();
    running.delete('vm');
    await vi.waitFor(() => expect(hub?.stats().vncServers).toBe(0));
    expect(await hub.acquire('vm')).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { startRfbServer, type RfbServer } from './rfb-server';

export type RunningServer = { id: string; name: string };

/** Console tokens live this long (nova's [consoleauth] token_ttl default) and work once. */
export const consoleTokenTtlMs = 600_000;

/** A VNC server nobody watches is stopped after this long. */
export const consoleIdleMs = 30_000;

/** A client's hold on an instance's VNC server; release it when the client goes. */
export type ConsoleLease = { port: number; release: () => void };

/**
 * The VNC servers of the simulated hypervisors, started lazily: one RFB server (with its
 * framebuffer) per instance that somebody watches — started when a console client connects,
 * stopped after the last client left plus an idle time, when the instance stops or is deleted, or
 * when the simulator shuts down; plus the one-time tokens nova-novncproxy checks.
 */
export type ConsoleHub = {
  /** Stop the VNC servers of instances that no longer run, and idle ones. */
  reconcile: () => void;
  /** The instance's VNC server (started if needed); null when the instance does not run. */
  acquire: (serverId: string) => Promise<ConsoleLease | null>;
  issueToken: (serverId: string) => string;
  /** The instance the token was issued for; null (and forgotten) when unknown or expired. */
  consumeToken: (token: string) => string | null;
  /** Running VNC servers and connected console clients. */
  stats: () => { vncServers: number; clients: number };
  stop: () => Promise<void>;
};

type Entry = { server: Promise<RfbServer | null>; clients: number; idleSince: number };

export const createConsoleHub = (opts: {
  /** The running instance of that id, or null (stopped, deleted, unknown). */
  findRunning: (serverId: string) => RunningServer | null;
  /** A VNC server that failed to start (the simulator reports it in its event journal). */
  onError: (serverId: string, error: unknown) => void;
  now?: () => number;
  reconcileMs?: number;
  idleMs?: number;
}): ConsoleHub => {
  const now = opts.now ?? Date.now;
  const idleMs = opts.idleMs ?? consoleIdleMs;
  const servers = new Map<string, Entry>();
  const tokens = new Map<string, { serverId: string; expiresAt: number }>();
  let stopped = false;

  const stopOne = (id: string) => {
    const entry = servers.get(id);
    servers.delete(id);
    void entry?.server.then((s) => s?.stop());
  };
  // Only the started servers are looked at: cheap with thousands of instances.
  const reconcile = () => {
    if (stopped) return;
    for (const [id, entry] of [...servers])
      if (!opts.findRunning(id) || (entry.clients === 0 && now() - entry.idleSince >= idleMs))
        stopOne(id);
  };
  const timer = setInterval(reconcile, opts.reconcileMs ?? 250);
  timer.unref();

  const acquire = async (serverId: string): Promise<ConsoleLease | null> => {
    const running = opts.findRunning(serverId);
    if (stopped || !running) return null;
    let entry = servers.get(serverId);
    if (!entry) {
      entry = {
        // A port that cannot be opened leaves the instance without a console (acquire → null).
        server: startRfbServer({ name: running.name, serverId }).catch((error: unknown) => {
          opts.onError(serverId, error);
          servers.delete(serverId);
          return null;
        }),
        clients: 0,
        idleSince: now(),
      };
      servers.set(serverId, entry);
    }
    const held = entry;
    held.clients += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.clients -= 1;
      if (held.clients === 0) held.idleSince = now();
    };
    const server = await held.server;
    if (!server || servers.get(serverId) !== held) {
      release();
      return null;
    }
    return { port: server.port, release };
  };

  return {
    reconcile,
    acquire,
    issueToken: (serverId) => {
      for (const [t, v] of tokens) if (v.expiresAt <= now()) tokens.delete(t);
      const token = randomUUID();
      tokens.set(token, { serverId, expiresAt: now() + consoleTokenTtlMs });
      return token;
    },
    consumeToken: (token) => {
      const entry = tokens.get(token);
      tokens.delete(token);
      return entry && entry.expiresAt > now() ? entry.serverId : null;
    },
    stats: () => ({
      vncServers: servers.size,
      clients: [...servers.values()].reduce((n, e) => n + e.clients, 0),
    }),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      const all = [...servers.values()];
      servers.clear();
      await Promise.all(all.map(async (e) => (await e.server)?.stop()));
    },
  };
};

/**
 * The WebSocket path on the agent's router for a datacenter console URL. nova-novncproxy answers
 * `…/vnc_auto.html?path=<websocket path>`; the agent serves the proxy under its `/console`
 * prefix, so `?token=…` (a real proxy at its root) becomes `/console/?token=…` and the
 * simulator's `console/websockify?token=…` becomes `/console/websockify?token=…`.
 * Null when the URL carries no path.
 */
export const consoleSocketPath = (consoleUrl: string): string | null => {
  let url: URL;
  try {
    url = new URL(consoleUrl);
  } catch {
    return null;
  }
  const path = url.searchParams.get('path');
  if (!path) return null;
  const relative = path.replace(/^\/+/, '');
  if (relative.split(/[/?]/).some((segment) => segment === '..')) return null;
  return relative.startsWith('console/') || relative.startsWith('console?')
    ? `/${relative}`
    : `/console/${relative}`;
};

import { readAgentConfig } from '../config/agent-config-file';
import { readAgentState } from '../tunnel/agent-state';

/** What `yunguan-agent status` prints: enrollment facts and the running agent's tunnel state. */
export const showStatus = async (
  dataDir: string,
): Promise<{ text: string; connected: boolean }> => {
  const config = await readAgentConfig(dataDir);
  const state = await readAgentState(dataDir);
  const alive = state !== null && state.state !== 'stopped' && isRunning(state.pid);
  const lines = [
    `datacenter      ${config.datacenterId}`,
    `portal          ${config.portalUrl}`,
    `gateways        ${config.gateways.map((g) => `${g.host}:${g.port}`).join(', ')}`,
    `host key        ${config.hostKeyFingerprint}`,
    `tunnel port     ${config.port}`,
    `upstreams       ${Object.keys(config.router.upstreams).join(', ') || '(none)'}`,
    `agent           ${alive ? `running (pid ${state.pid})` : 'not running'}`,
  ];
  if (alive && state.state === 'external') {
    const at = config.router.tunnelListen;
    lines.push(
      `tunnel          external (stock OpenSSH) -> router on ${at ? `${at.host}:${at.port}` : '?'}`,
    );
  } else if (alive) {
    lines.push(
      `tunnel          ${state.state}${state.gateway ? ` via ${state.gateway}` : ''} since ${state.since}`,
    );
    if (state.lastError) lines.push(`last error      ${state.lastError}`);
    if (state.nextAttemptAt) lines.push(`next attempt    ${state.nextAttemptAt}`);
    lines.push(`reconnects      ${state.reconnects}`);
  }
  if (alive && state.monitoring) {
    const m = state.monitoring;
    lines.push(
      `influxdb        ${m.influx}${m.writeApi ? ` (${m.writeApi} write API)` : ''}, ${m.relayedPoints} points relayed`,
      `spool           ${m.spool.points} points, ${m.spool.bytes} of ${m.spool.maxBytes} bytes`,
    );
    if (m.lastError) lines.push(`influx error    ${m.lastError}`);
  }
  // With an external tunnel the agent cannot see it: running routers are all it can vouch for.
  const ok = alive && (state.state === 'connected' || state.state === 'external');
  return { text: lines.join('\n'), connected: ok };
};

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

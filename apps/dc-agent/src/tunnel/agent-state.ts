import { writeFile, rename, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const agentStateSchema = z.object({
  pid: z.number().int(),
  /** `external`: stock OpenSSH keeps the tunnel (dialTunnel: false); the agent only routes. */
  state: z.enum(['starting', 'connecting', 'connected', 'waiting', 'external', 'stopped']),
  gateway: z.string().nullable(),
  since: z.iso.datetime(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  reconnects: z.number().int().nonnegative(),
  /** Monitoring relay (absent when router.upstreams.influx is not set). */
  monitoring: z
    .object({
      influx: z.enum(['unknown', 'up', 'down']),
      writeApi: z.enum(['v1', 'v2']).nullable(),
      relayedPoints: z.number().int().nonnegative(),
      spool: z.object({
        bytes: z.number().int().nonnegative(),
        points: z.number().int().nonnegative(),
        batches: z.number().int().nonnegative(),
        maxBytes: z.number().int().positive(),
      }),
      lastError: z.string().nullable(),
    })
    .nullable()
    .optional(),
});
export type AgentState = z.infer<typeof agentStateSchema>;

const statePath = (dataDir: string) => join(dataDir, 'state.json');

/** `<dataDir>/state.json`: what `yunguan-agent status` shows about the running agent. */
export const writeAgentState = async (dataDir: string, state: AgentState): Promise<void> => {
  const tmp = `${statePath(dataDir)}.${state.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(agentStateSchema.parse(state), null, 2)}\n`, {
    mode: 0o644,
  });
  await rename(tmp, statePath(dataDir));
};

export const readAgentState = async (dataDir: string): Promise<AgentState | null> => {
  try {
    return agentStateSchema.parse(JSON.parse(await readFile(statePath(dataDir), 'utf8')));
  } catch {
    return null;
  }
};

import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AgentConfig, type AgentConfigInput, agentConfigSchema } from './agent-config';

export const agentConfigPath = (dataDir: string): string => join(dataDir, 'agent.json');

/** Read and validate agent.json; a clear error when it is missing or wrong. */
export const readAgentConfig = async (dataDir: string): Promise<AgentConfig> => {
  const path = agentConfigPath(dataDir);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new Error(`no ${path}: enroll first (yunguan-agent enroll --portal <url> --token <t>)`);
  }
  const parsed = agentConfigSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path} is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
};

/** agent.json when this data directory is enrolled; null when there is none. */
export const readAgentConfigIfEnrolled = async (dataDir: string): Promise<AgentConfig | null> =>
  existsSync(agentConfigPath(dataDir)) ? readAgentConfig(dataDir) : null;

/** Write agent.json atomically, readable by the agent user only (it holds the router secret). */
export const writeAgentConfig = async (
  dataDir: string,
  config: AgentConfigInput,
): Promise<AgentConfig> => {
  const valid = agentConfigSchema.parse(config);
  const path = agentConfigPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
  return valid;
};

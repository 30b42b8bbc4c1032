import { z } from 'zod';

const envSchema = z.object({
  YUNGUAN_AGENT_DATA_DIR: z.string().min(1).default('/var/lib/yunguan-agent'),
  YUNGUAN_AGENT_PORTAL_URL: z.url().optional(),
  YUNGUAN_AGENT_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AgentEnv = z.infer<typeof envSchema>;

/** The agent's environment, validated once; CLI flags take precedence over it. */
export const loadAgentEnv = (env: NodeJS.ProcessEnv = process.env): AgentEnv => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`yunguan-agent: invalid environment\n${lines.join('\n')}`);
  }
  return parsed.data;
};

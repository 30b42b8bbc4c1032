export { startAgent, type RunningAgent } from './run/start-agent';
export { enrollAgent } from './enroll/enroll-agent';
export { createLogger } from './logger';
export { agentConfigSchema, type AgentConfig, type AgentConfigInput } from './config/agent-config';
export { writeAgentConfig, readAgentConfig } from './config/agent-config-file';

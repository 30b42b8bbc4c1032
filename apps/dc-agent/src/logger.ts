import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured logs to stdout (journald picks them up). Never log keys or the router secret. */
export const createLogger = (level: string): Logger => pino({ level, base: { app: 'dc-agent' } });

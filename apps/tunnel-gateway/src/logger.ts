import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured logs to stdout. Never log keys, secrets or request bodies. */
export const createLogger = (level: string, gatewayId: string): Logger =>
  pino({ level, base: { app: 'tunnel-gateway', gatewayId } });

import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A console ticket lives 60 s and works once. */
export const consoleTicketTtlSeconds = 60;

export const consoleTicketSchema = z.object({
  userId: z.string().min(1),
  serverId: z.string().min(1),
  datacenterId: z.string().min(1),
  /** Path and query on the agent's router, e.g. /console/websockify?token=… */
  path: z.string().startsWith('/console/'),
});
export type ConsoleTicket = z.infer<typeof consoleTicketSchema>;

export type ConsoleTickets = {
  issue: (ticket: ConsoleTicket) => Promise<{ ticket: string; expiresAt: Date }>;
  /** The ticket's data, deleted in the same step (GETDEL); null when unknown or expired. */
  consume: (ticket: string) => Promise<ConsoleTicket | null>;
};

export const createConsoleTickets = (
  redis: Redis,
  prefix: string,
  now: () => Date = () => new Date(),
): ConsoleTickets => {
  const keyOf = (ticket: string) => `${prefix}console-ticket:${ticket}`;
  return {
    issue: async (data) => {
      const ticket = randomBytes(32).toString('base64url');
      const value = JSON.stringify(consoleTicketSchema.parse(data));
      await redis.set(keyOf(ticket), value, 'EX', consoleTicketTtlSeconds);
      return { ticket, expiresAt: new Date(now().getTime() + consoleTicketTtlSeconds * 1000) };
    },
    consume: async (ticket) => {
      if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
      const raw = await redis.getdel(keyOf(ticket));
      if (raw === null) return null;
      const parsed = consoleTicketSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
  };
};

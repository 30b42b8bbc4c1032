import type { FastifyRequest } from 'fastify';
import type { SimStore } from './store';

/** Configurable delays of the state machines (BUILD → ACTIVE, resize → VERIFY_RESIZE, …). */
export type SimDelays = { buildMs: number; actionMs: number; volumeMs: number };

/** Ceilometer-shaped lifecycle notification appended to the agent's event journal. */
export type SimNotification = {
  message_id: string;
  event_type: string;
  publisher_id: string;
  priority: 'INFO' | 'ERROR';
  timestamp: string;
  payload: Record<string, unknown>;
};

/** The project a request acts for, from its Keystone token (see identity/auth-hook.ts). */
export type SimCaller = {
  userId: string;
  projectId: string;
  domainId: string;
  roles: string[];
  isAdmin: boolean;
};

/** Everything a service plugin receives. */
export type SimContext = {
  store: SimStore;
  delays: SimDelays;
  now: () => Date;
  /** Public base URL of the simulator itself (catalog endpoints are built from it). */
  baseUrl: string;
  /** Folder of the state file (image bytes live in `<dataDir>/images/`); null when in memory. */
  dataDir: string | null;
  notify: (
    n: Omit<SimNotification, 'message_id' | 'timestamp' | 'priority'> & {
      priority?: 'INFO' | 'ERROR';
    },
  ) => void;
  /** Notifications sent since start, newest last (tests read them). */
  recentNotifications: () => readonly SimNotification[];
  /** Resolve the caller from X-Auth-Token; throws the service's 401 when missing or invalid. */
  caller: (request: FastifyRequest) => SimCaller;
  /** Schedule a state transition; timers are tracked so stop() can cancel them. */
  later: (ms: number, fn: () => void) => void;
};

import type { Principal } from '@yunguan/domain';
import type { Database } from '../repositories/db-client';
import type { HashCost } from '../security/password';
import type { SecretBox } from '../security/secret-box';
import type { TunnelRegistry } from '../tunnel/tunnel-registry';
import type { NotificationRuntime } from './notifications/notification-runtime';
import type { PrincipalCache } from './auth/principal-cache';
import type { TaskRuntime } from './tasks/task-runtime';

export type ServiceConfig = {
  hashCost: HashCost;
  sessionTtlMs: number;
  /** Principals cached per process, valid for one principal version (ADR 0120). */
  principals: PrincipalCache;
  secretBox: SecretBox;
  tunnel: { registry: TunnelRegistry; publicUrl: string; callTimeoutMs: number };
  /** Task queue, task settings and the portal event bus (src/services/tasks/task-runtime.ts). */
  tasks: TaskRuntime;
  /** Notification queue, settings, per-channel gates and the WeCom token cache (ADR 0119). */
  notifications: NotificationRuntime;
};

/** Everything a service verb needs about the call; transports build it. */
export type RequestContext = {
  db: Database;
  config: ServiceConfig;
  requestId: string;
  sourceIp: string | null;
  now: () => Date;
  /** Set once a service has written its own audit row, so the transport does not add another. */
  audit: { written: boolean };
};

export type ServiceContext = RequestContext & {
  principal: Principal;
  sessionId: string | null;
  /**
   * Tasks this call queues are written `held` (awaiting approval) instead of queued: they keep
   * their quota and frozen input until released or cancelled. Set by work orders (M2.2).
   */
  holdTasks?: boolean;
};

import type { Server, Socket } from 'node:net';
import type { TunnelKeys } from '@yunguan/contract';
import type { Redis } from 'ioredis';
import type { Connection } from 'ssh2';
import type { GatewayConfig } from './config/gateway-config';
import type { GatewayMetrics } from './http/create-metrics';
import type { Logger } from './logger';

export type AgentIdentity = { datacenterId: string; port: number; fingerprint: string };

export type ActiveForward = {
  listener: Server;
  /** Connections carried now; dropped when the forward closes. */
  sockets: Set<Socket>;
  port: number;
  requestedBindAddr: string;
};

/** One SSH connection from an agent, from handshake to close. */
export type AgentConnection = {
  sessionId: string;
  client: Connection;
  remoteAddress: string;
  identity: AgentIdentity | null;
  forward: ActiveForward | null;
  connectedSince: Date;
  /** Authenticated and counted in the connections gauge. */
  ready: boolean;
  closed: boolean;
  /** Set once teardown starts; awaiting it waits for the port to be free. */
  teardown: Promise<void> | null;
};

export type GatewayContext = {
  config: GatewayConfig;
  log: Logger;
  metrics: GatewayMetrics;
  redis: Redis;
  keys: TunnelKeys;
  /** Authenticated connections by session id. */
  connections: Map<string, AgentConnection>;
};

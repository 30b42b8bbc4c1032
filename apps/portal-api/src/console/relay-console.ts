import { DomainError } from '@yunguan/domain';
import WebSocket, { type RawData } from 'ws';
import { findCloudAccessRow } from '../repositories/datacenter-credential-repository';
import type { ServiceConfig } from '../services/context';
import type { Database } from '../repositories/db-client';
import { AGENT_SECRET_HEADER } from '../tunnel/call-datacenter';
import type { ConsoleTicket } from './console-tickets';

const unavailable = (datacenter: string, why: string) =>
  new DomainError('UPSTREAM_UNAVAILABLE', `datacenter ${datacenter}: ${why}`, {
    reason: 'datacenter_offline',
    params: { datacenter, why },
  });

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/**
 * An open upstream console socket whose frames are kept until the relay takes it: the VNC server
 * speaks first (its RFB version), often before the browser's upgrade has reached the handler.
 */
export type DatacenterConsole = {
  socket: WebSocket;
  /** Frames received before relayConsole took over, in order. */
  early: Buffer[];
};

/**
 * The datacenter side of a console: a WebSocket to the agent's router through the tunnel
 * (`ws://<gateway>:<port>/console/…` with the datacenter secret, like callDatacenter), open
 * before the browser's socket is accepted so a refusal is an HTTP error, not a dead socket.
 */
export const connectDatacenterConsole = async (
  deps: { db: Database; config: ServiceConfig },
  ticket: ConsoleTicket,
): Promise<DatacenterConsole> => {
  const row = await findCloudAccessRow(deps.db, ticket.datacenterId);
  const name = row?.name ?? ticket.datacenterId;
  if (!row?.agent || row.agent.revokedAt) throw unavailable(name, 'no agent is enrolled');
  const { record, health } = await deps.config.tunnel.registry.readTunnel(ticket.datacenterId);
  if (!record) throw unavailable(name, 'no agent is connected');
  if (health?.state === 'offline' && health.gatewayId === record.gatewayId)
    throw unavailable(name, health.reason ?? 'the tunnel does not answer');
  const secret = deps.config.secretBox.open(row.agent.routerSecretEnc);
  const socket = new WebSocket(`ws://${record.host}:${record.port}${ticket.path}`, ['binary'], {
    headers: { [AGENT_SECRET_HEADER]: secret },
    handshakeTimeout: deps.config.tunnel.callTimeoutMs,
  });
  socket.binaryType = 'nodebuffer';
  const early: Buffer[] = [];
  socket.on('message', function keep(data) {
    early.push(toBuffer(data));
  });
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('unexpected-response', (_request, response) => {
      socket.terminate();
      reject(unavailable(name, `the console proxy answered ${response.statusCode ?? 0}`));
    });
    socket.on('error', (error) => reject(unavailable(name, error.message)));
  });
  return { socket, early };
};

/** Relay binary frames both ways until either side closes (the early frames first). */
export const relayConsole = (browser: WebSocket, upstream: DatacenterConsole): void => {
  const { socket } = upstream;
  const closeBoth = () => {
    if (browser.readyState === WebSocket.OPEN) browser.close(1000);
    if (socket.readyState === WebSocket.OPEN) socket.close(1000);
    else if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
  };
  socket.removeAllListeners('message');
  for (const frame of upstream.early.splice(0)) browser.send(frame, { binary: true });
  browser.on('message', (data) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(toBuffer(data), { binary: true });
  });
  socket.on('message', (data) => {
    if (browser.readyState === WebSocket.OPEN) browser.send(toBuffer(data), { binary: true });
  });
  browser.on('close', closeBoth);
  socket.on('close', closeBoth);
  browser.on('error', closeBoth);
  socket.on('error', closeBoth);
  if (socket.readyState !== WebSocket.OPEN) closeBoth();
};

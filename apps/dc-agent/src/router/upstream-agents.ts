import {
  Agent as HttpAgent,
  type IncomingMessage,
  type RequestOptions,
  type ClientRequest,
  request as httpRequest,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

/** A request to an upstream over pooled keep-alive connections, http or https by URL. */
export const requestUpstream = (
  target: URL,
  options: RequestOptions,
  onResponse?: (res: IncomingMessage) => void,
): ClientRequest =>
  target.protocol === 'https:'
    ? httpsRequest(target, { agent: httpsAgent, ...options }, onResponse)
    : httpRequest(target, { agent: httpAgent, ...options }, onResponse);

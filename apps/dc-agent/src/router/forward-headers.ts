import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { secretHeader } from './check-secret';

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  secretHeader,
]);

/** Request headers for the upstream: no hop-by-hop headers, never the agent secret. */
export const upstreamRequestHeaders = (
  headers: IncomingHttpHeaders,
  target: URL,
): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name) && name !== 'host') out[name] = value;
  }
  out.host = target.host;
  return out;
};

/** Response headers for the caller: no hop-by-hop headers (Node frames the body itself). */
export const downstreamResponseHeaders = (headers: IncomingHttpHeaders): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) out[name] = value;
  }
  return out;
};

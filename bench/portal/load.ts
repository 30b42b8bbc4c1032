/**
 * HTTP load with autocannon (its own HTTP/1.1 client, keep-alive connections) in a worker
 * thread, so that the load generator does not share the event loop of the server under test:
 * `clients` connections for `seconds`, cycling through `paths` (random pages, drawn up front).
 */
import autocannon from 'autocannon';

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
};

export const runLoad = async (opts: {
  origin: string;
  paths: string[];
  clients: number;
  seconds: number;
  headers: Record<string, string>;
}): Promise<LoadResult> => {
  const result = await autocannon({
    url: opts.origin,
    connections: opts.clients,
    duration: opts.seconds,
    workers: 1,
    headers: opts.headers,
    requests: opts.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
};

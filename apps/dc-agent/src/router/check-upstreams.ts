import type { RoutePrefix } from '../config/agent-config';
import type { Upstreams } from './match-route';
import { requestUpstream } from './upstream-agents';

export type UpstreamHealth = {
  prefix: RoutePrefix;
  reachable: boolean;
  status: number | null;
  latencyMs: number | null;
  checkedAt: string | null;
  error: string | null;
};

export type UpstreamChecker = {
  snapshot: () => UpstreamHealth[];
  /** True when every configured upstream answered the last check (or none is configured). */
  allReachable: () => boolean;
  checkNow: () => Promise<void>;
  stop: () => void;
};

/** Any HTTP answer from an upstream's base URL counts as reachable; refusals and timeouts do not. */
export const startUpstreamChecker = (
  upstreams: Upstreams,
  intervalMs: number,
  timeoutMs = 5_000,
): UpstreamChecker => {
  const results = new Map<RoutePrefix, UpstreamHealth>();
  for (const prefix of Object.keys(upstreams) as RoutePrefix[]) {
    results.set(prefix, {
      prefix,
      reachable: true,
      status: null,
      latencyMs: null,
      checkedAt: null,
      error: null,
    });
  }
  const checkNow = async () => {
    await Promise.all(
      (Object.entries(upstreams) as [RoutePrefix, string][]).map(async ([prefix, url]) => {
        results.set(prefix, await checkOne(prefix, new URL(url), timeoutMs));
      }),
    );
  };
  void checkNow();
  const timer = setInterval(() => void checkNow(), intervalMs);
  timer.unref();
  return {
    snapshot: () => [...results.values()],
    allReachable: () => [...results.values()].every((r) => r.reachable),
    checkNow,
    stop: () => clearInterval(timer),
  };
};

const checkOne = (prefix: RoutePrefix, url: URL, timeoutMs: number): Promise<UpstreamHealth> =>
  new Promise((resolve) => {
    const started = performance.now();
    const done = (status: number | null, error: string | null) =>
      resolve({
        prefix,
        reachable: status !== null,
        status,
        latencyMs: status === null ? null : Math.round(performance.now() - started),
        checkedAt: new Date().toISOString(),
        error,
      });
    const req = requestUpstream(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      done(res.statusCode ?? 0, null);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => done(null, err.message));
    req.end();
  });

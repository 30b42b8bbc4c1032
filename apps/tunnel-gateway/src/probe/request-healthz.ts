import { request } from 'node:http';
import type { ProbeOutcome } from './classify-probe';

const maxBody = 4096;

/** GET /agent/healthz on a forwarded port; never throws, never waits past the timeout. */
export const requestHealthz = (
  host: string,
  port: number,
  timeoutMs: number,
): Promise<ProbeOutcome> =>
  new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      { host, port, path: '/agent/healthz', method: 'GET', agent: false, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < maxBody) body += chunk;
        });
        res.on('end', () => {
          const latencyMs = performance.now() - started;
          resolve({
            kind: 'answered',
            status: res.statusCode ?? 0,
            latencyMs,
            agentStatus: statusOf(body),
          });
        });
        res.on('error', (err) => resolve({ kind: 'failed', reason: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ kind: 'failed', reason: err.message }));
    req.end();
  });

const statusOf = (body: string): string | null => {
  try {
    const json: unknown = JSON.parse(body);
    if (
      json !== null &&
      typeof json === 'object' &&
      'status' in json &&
      typeof json.status === 'string'
    ) {
      return json.status;
    }
    return null;
  } catch {
    return null;
  }
};

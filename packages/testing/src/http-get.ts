import { request } from 'node:http';

export type HttpResult = {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
};

/** A plain GET with a deadline, no keep-alive; rejects on connection errors. */
export const httpGet = (
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5_000,
): Promise<HttpResult> =>
  new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'GET', headers, agent: false, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });

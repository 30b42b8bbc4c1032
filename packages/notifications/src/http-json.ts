import { ChannelError, truncate } from './types';

/**
 * POST (or GET) JSON with a deadline; the peer's status and a truncated body end up in the error
 * so the delivery log says what the other side answered. `redact` hides secrets in URLs.
 */
export const requestJson = async (
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
  timeoutMs: number,
  redact: (text: string) => string = (t) => t,
): Promise<{ status: number; text: string; json: unknown }> => {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new ChannelError(redact(`${init.method} ${url} failed: ${why}`));
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.status < 200 || res.status >= 300)
    throw new ChannelError(
      redact(`${init.method} ${url} answered HTTP ${res.status}: ${truncate(text)}`),
    );
  return { status: res.status, text, json };
};

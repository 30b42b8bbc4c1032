import type { FetchLike } from '../src/provider-client';

/**
 * Recorded responses (the documented "recorded responses" pattern, not a mock of OpenStack):
 * fixtures are real answers captured from Debian's OpenStack Zed and from the simulator by
 * test/fixtures/record-fixtures.ts, tokens redacted. The replaying fetch serves them in order
 * and checks each request's method and URL against the recording.
 */
export type Exchange = {
  request: { method: string; url: string };
  response: { status: number; headers: Record<string, string>; body: string };
};

export type SentRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
};

const redactedToken = 'gAAAAA-recorded-token-redacted';

/** Wrap a real fetch and keep every exchange (token header values blanked). */
export const recordingFetch = (inner: FetchLike) => {
  const exchanges: Exchange[] = [];
  const fetch: FetchLike = async (url, init) => {
    const response = await inner(url, init);
    const body = await response.text();
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'x-openstack-request-id', 'x-compute-request-id']) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    if (response.headers.has('x-subject-token')) headers['x-subject-token'] = redactedToken;
    exchanges.push({
      request: { method: init.method ?? 'GET', url },
      response: { status: response.status, headers, body },
    });
    return new Response(response.status === 204 ? null : body, {
      status: response.status,
      headers: response.headers,
    });
  };
  return { fetch, exchanges };
};

/** Serve recorded exchanges in order; `sent` keeps what the client asked, headers included. */
export const replayFetch = (exchanges: readonly Exchange[]) => {
  const sent: SentRequest[] = [];
  let next = 0;
  const fetch: FetchLike = (url, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const sentBody = typeof init.body === 'string' ? init.body : undefined;
    sent.push({ method: init.method ?? 'GET', url, headers, body: sentBody });
    const exchange = exchanges[next];
    next += 1;
    if (exchange === undefined) {
      return Promise.reject(new Error(`replay: no recorded answer left for ${init.method} ${url}`));
    }
    const { request, response } = exchange;
    if (request.method !== (init.method ?? 'GET') || request.url !== url) {
      return Promise.reject(
        new Error(`replay: expected ${request.method} ${request.url}, got ${init.method} ${url}`),
      );
    }
    const noBody = response.status === 204 || response.status === 304;
    // Recorded tokens would age: their expiry is moved to an hour from now on replay.
    const body = response.body.replace(
      /"expires_at":\s*"[^"]+"/,
      `"expires_at": "${new Date(Date.now() + 3_600_000).toISOString()}"`,
    );
    return Promise.resolve(
      new Response(noBody ? null : body, {
        status: response.status,
        headers: response.headers,
      }),
    );
  };
  return { fetch, sent, remaining: () => exchanges.length - next };
};

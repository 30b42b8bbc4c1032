export type PortalSession = {
  /** `yg_session=…; yg_csrf=…` for the Cookie header. */
  cookie: string;
  csrf: string;
  /** Cookie and CSRF headers for a mutating call. */
  headers: { cookie: string; 'x-csrf-token': string };
  /** A JSON call with the session; throws with status and body when the answer is not 2xx. */
  call: (method: string, path: string, body?: unknown) => Promise<unknown>;
};

/** Log in through the public API as a person would; calls carry the session and CSRF token. */
export const loginPortal = async (
  apiUrl: string,
  username: string,
  password: string,
): Promise<PortalSession> => {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`portal login of ${username} failed (${res.status})`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const csrf = cookies.find((c) => c.startsWith('yg_csrf='))?.slice('yg_csrf='.length) ?? '';
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json', 'accept-language': 'en' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} failed (${r.status}): ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
  return { cookie: headers.cookie, csrf, headers, call };
};

/** A minimal Keystone v3 session over fetch: a token, its project and the catalog's public URLs. */
export type Credentials = {
  authUrl: string;
  username: string;
  password: string;
  projectName?: string;
  projectId?: string;
  domain?: string;
};

export type Session = {
  token: string;
  projectId: string;
  userId: string;
  authUrl: string;
  /** Public endpoint of a service type (`compute`, `network`, `volumev3`, `image`, …). */
  endpoint: (type: string) => string;
};

type CatalogEntry = { type: string; endpoints: { interface: string; url: string }[] };

export const login = async (c: Credentials): Promise<Session> => {
  const domain = { name: c.domain ?? 'Default' };
  const project = c.projectId !== undefined ? { id: c.projectId } : { name: c.projectName, domain };
  const response = await fetch(`${c.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: c.username, password: c.password, domain } },
        },
        scope: { project },
      },
    }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`login ${c.authUrl}: ${response.status} ${text}`);
  const body = JSON.parse(text) as {
    token: { project: { id: string }; user: { id: string }; catalog: CatalogEntry[] };
  };
  const token = response.headers.get('x-subject-token');
  if (token === null) throw new Error(`login ${c.authUrl}: no X-Subject-Token`);
  const endpoint = (type: string) => {
    const url = body.token.catalog
      .find((s) => s.type === type)
      ?.endpoints.find((e) => e.interface === 'public')?.url;
    if (url === undefined) throw new Error(`${c.authUrl}: no public ${type} endpoint`);
    return url.replace(/\/+$/, '');
  };
  return {
    token,
    projectId: body.token.project.id,
    userId: body.token.user.id,
    authUrl: c.authUrl,
    endpoint,
  };
};

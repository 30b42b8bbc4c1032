import { z } from 'zod';

/** The transport: globalThis.fetch by default; the portal passes one that rides the SSH tunnel. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type AuthOptions = {
  /** Keystone v3 root, e.g. `http://host/identity/v3` or `http://host:5000/v3`. */
  authUrl: string;
  username: string;
  password: string;
  userDomainName: string;
  projectName: string;
  projectDomainName: string;
  regionName?: string;
  fetch?: FetchLike;
  defaultTimeoutMs?: number;
};

/** Which token a call uses: the service account's own project, or one it has a role on. */
export type TokenScope = 'default' | { projectId: string };

const catalogSchema = z.array(
  z.looseObject({
    type: z.string(),
    endpoints: z.array(
      z.looseObject({
        interface: z.string(),
        region: z.string().nullish(),
        region_id: z.string().nullish(),
        url: z.string(),
      }),
    ),
  }),
);
export const tokenBodySchema = z.object({
  token: z.looseObject({
    expires_at: z.string(),
    user: z.looseObject({ id: z.string() }),
    project: z.looseObject({ id: z.string() }).optional(),
    catalog: catalogSchema.default([]),
  }),
});

export type Token = {
  id: string;
  expiresAt: number;
  userId: string;
  projectId: string | null;
  catalog: z.infer<typeof catalogSchema>;
};

/** Keystone v3 password authentication, scoped to the configured project or one by id. */
export const passwordAuthBody = (auth: AuthOptions, scope: TokenScope) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: {
        user: {
          name: auth.username,
          domain: { name: auth.userDomainName },
          password: auth.password,
        },
      },
    },
    scope:
      scope === 'default'
        ? { project: { name: auth.projectName, domain: { name: auth.projectDomainName } } }
        : { project: { id: scope.projectId } },
  },
});

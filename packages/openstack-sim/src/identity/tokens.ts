import { randomBytes } from 'node:crypto';
import { keystoneError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { buildCatalog } from './build-catalog';
import { type IdentityState, type Token, defaultDomainId, identityOf } from './identity-state';

export const tokenLifetimeMs = 3_600_000;

/** Keystone's default roles imply each other: admin → member → reader. */
const implied: Record<string, string[]> = { admin: ['member', 'reader'], member: ['reader'] };

/** Role ids a user holds on a project or domain, direct and implied. */
export const effectiveRoleIds = (
  id: IdentityState,
  userId: string,
  scope: { projectId: string | null; domainId: string | null },
): string[] => {
  const direct = id.assignments
    .filter(
      (a) =>
        a.userId === userId &&
        ((scope.projectId !== null && a.projectId === scope.projectId) ||
          (scope.domainId !== null && a.domainId === scope.domainId)),
    )
    .map((a) => a.roleId);
  const names = new Set<string>();
  for (const roleId of direct) {
    const name = id.roles[roleId]?.name;
    if (name === undefined) continue;
    names.add(name);
    for (const more of implied[name] ?? []) names.add(more);
  }
  const byName = Object.values(id.roles).filter((r) => names.has(r.name));
  return [...new Set([...direct, ...byName.map((r) => r.id)])];
};

/**
 * The roles a token carries: the user's effective roles on its scope, or — for a token from an
 * application credential — the credential's own roles the user still holds (Keystone's
 * `_get_application_credential_roles`: no implied roles added).
 */
export const tokenRoleIds = (id: IdentityState, token: Token): string[] => {
  const held = effectiveRoleIds(id, token.userId, token);
  if (token.appCredentialId === undefined) return held;
  const credential = id.appCredentials[token.appCredentialId];
  return (credential?.roleIds ?? []).filter((roleId) => held.includes(roleId));
};

export const issueToken = (
  ctx: SimContext,
  t: Omit<Token, 'id' | 'issuedAt' | 'expiresAt' | 'auditId'> & {
    auditId?: string;
    expiresAt?: string;
  },
): Token => {
  const id = identityOf(ctx.store.state);
  const now = ctx.now();
  for (const [key, old] of Object.entries(id.tokens)) {
    if (Date.parse(old.expiresAt) <= now.getTime()) delete id.tokens[key];
  }
  const token: Token = {
    ...t,
    id: `gAAAAA${randomBytes(48).toString('base64url')}`,
    issuedAt: now.toISOString(),
    expiresAt: t.expiresAt ?? new Date(now.getTime() + tokenLifetimeMs).toISOString(),
    auditId: t.auditId ?? randomBytes(16).toString('base64url').slice(0, 22),
  };
  id.tokens[token.id] = token;
  ctx.store.changed();
  return token;
};

/** A live token by id, or null (unknown, expired, or its user/project is gone or disabled). */
export const findToken = (ctx: SimContext, tokenId: string | undefined): Token | null => {
  if (tokenId === undefined || tokenId === '') return null;
  const id = identityOf(ctx.store.state);
  const token = id.tokens[tokenId];
  if (token === undefined || Date.parse(token.expiresAt) <= ctx.now().getTime()) return null;
  const user = id.users[token.userId];
  if (user === undefined || !user.enabled) return null;
  if (token.projectId !== null && id.projects[token.projectId]?.enabled !== true) return null;
  if (token.appCredentialId !== undefined) {
    // Deleting (or expiring) an application credential revokes the tokens it issued.
    const credential = id.appCredentials[token.appCredentialId];
    if (credential === undefined) return null;
    if (credential.expiresAt !== null && Date.parse(credential.expiresAt) <= ctx.now().getTime())
      return null;
  }
  return token;
};

const keystoneTime = (iso: string) => iso.replace(/Z$/, '000Z');

/** The `{ token: … }` body Keystone answers to POST and GET /v3/auth/tokens. */
export const renderToken = (ctx: SimContext, token: Token, withCatalog = true) => {
  const id = identityOf(ctx.store.state);
  const user = id.users[token.userId];
  if (user === undefined) throw keystoneError(404, 'Could not find token.');
  const domainRef = (domainId: string) => ({
    id: domainId,
    name: id.domains[domainId]?.name ?? domainId,
  });
  const body: Record<string, unknown> = {
    methods: token.methods,
    user: {
      domain: domainRef(user.domain_id),
      id: user.id,
      name: user.name,
      password_expires_at: null,
    },
    audit_ids: [token.auditId],
    expires_at: keystoneTime(token.expiresAt),
    issued_at: keystoneTime(token.issuedAt),
  };
  const scoped = token.projectId !== null || token.domainId !== null;
  if (token.projectId !== null) {
    const project = id.projects[token.projectId];
    body.project = {
      domain: domainRef(project?.domain_id ?? defaultDomainId),
      id: token.projectId,
      name: project?.name ?? token.projectId,
    };
    body.is_domain = false;
  } else if (token.domainId !== null) {
    body.domain = domainRef(token.domainId);
  }
  if (scoped) {
    body.roles = tokenRoleIds(id, token).map((roleId) => ({
      id: roleId,
      name: id.roles[roleId]?.name ?? roleId,
    }));
    const credential =
      token.appCredentialId === undefined ? undefined : id.appCredentials[token.appCredentialId];
    if (credential !== undefined) {
      body.application_credential = {
        id: credential.id,
        name: credential.name,
        restricted: !credential.unrestricted,
      };
    }
    if (withCatalog) body.catalog = buildCatalog(ctx.baseUrl, token.projectId);
  }
  return { token: body };
};

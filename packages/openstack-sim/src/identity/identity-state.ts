import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { hexId } from '../core/ids';
import type { SimState } from '../core/sim-state';
import { withIdTables } from '../core/id-table';

export type Domain = { id: string; name: string; description: string; enabled: boolean };
export type Project = {
  id: string;
  name: string;
  description: string;
  domain_id: string;
  parent_id: string;
  enabled: boolean;
  is_domain: false;
  tags: string[];
};
export type User = {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  /** `scrypt$<salt hex>$<hash hex>`; never leaves the simulator. */
  passwordHash: string | null;
  email?: string;
  description?: string;
  default_project_id?: string;
};
export type Role = { id: string; name: string; domain_id: null; description: string | null };
export type Assignment = {
  roleId: string;
  userId: string;
  projectId: string | null;
  domainId: string | null;
};
export type Token = {
  id: string;
  userId: string;
  projectId: string | null;
  domainId: string | null;
  methods: string[];
  issuedAt: string;
  expiresAt: string;
  auditId: string;
  /** Set when the token came from an application credential (its roles, its project). */
  appCredentialId?: string;
};
/** Keystone application credential; the secret is kept only as a hash. */
export type AppCredential = {
  id: string;
  name: string;
  description: string | null;
  userId: string;
  projectId: string;
  /** Explicit role ids (Keystone does not expand implied roles for application credentials). */
  roleIds: string[];
  /** As the request said it; null when it did not (Keystone stores and shows null). */
  unrestricted: boolean | null;
  /** ISO timestamp or null (never expires). */
  expiresAt: string | null;
  secretHash: string;
};
export type IdentityState = {
  domains: Record<string, Domain>;
  projects: Record<string, Project>;
  users: Record<string, User>;
  roles: Record<string, Role>;
  assignments: Assignment[];
  tokens: Record<string, Token>;
  appCredentials: Record<string, AppCredential>;
  /** Added after the first release: absent in older state files. */
  groups?: Record<string, Group>;
  groupMembers?: { groupId: string; userId: string }[];
};
export type Group = { id: string; name: string; domain_id: string; description: string };

export const defaultDomainId = 'default';

export const hashPassword = (password: string): string => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32, { N: 1024 }).toString('hex')}`;
};

export const checkPassword = (password: string, stored: string | null): boolean => {
  const [kind, salt, hash] = stored?.split('$') ?? [];
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), 32, { N: 1024 });
  return timingSafeEqual(actual, Buffer.from(hash, 'hex'));
};

/**
 * Keystone's cleanup of application credentials: all of a user's (user deleted or disabled), or
 * only those on one project (a role on it removed, or the project deleted). Their tokens die
 * with them (see findToken).
 */
export const dropAppCredentials = (
  id: IdentityState,
  match: { userId?: string; projectId?: string },
): void => {
  for (const c of Object.values(id.appCredentials)) {
    if (match.userId !== undefined && c.userId !== match.userId) continue;
    if (match.projectId !== undefined && c.projectId !== match.projectId) continue;
    delete id.appCredentials[c.id];
  }
};

/** The identity slice, seeded on first use: domain Default, projects admin + service, user admin. */
export const identityOf = (state: SimState, adminPassword = 'admin'): IdentityState => {
  const slice = state.identity as Partial<IdentityState>;
  if (slice.domains === undefined) Object.assign(slice, seedIdentity(adminPassword));
  // State files written before application credentials existed.
  slice.appCredentials ??= {};
  return withIdTables(slice as IdentityState, [
    'domains',
    'projects',
    'users',
    'roles',
    'tokens',
    'appCredentials',
  ]);
};

const seedIdentity = (adminPassword: string): IdentityState => {
  const domain: Domain = {
    id: defaultDomainId,
    name: 'Default',
    description: 'The default domain',
    enabled: true,
  };
  const project = (name: string, description: string): Project => ({
    id: hexId(),
    name,
    description,
    domain_id: defaultDomainId,
    parent_id: defaultDomainId,
    enabled: true,
    is_domain: false,
    tags: [],
  });
  const admin = project('admin', 'Bootstrap project for initializing the cloud.');
  const service = project('service', 'Project for the OpenStack services.');
  const role = (name: string): Role => ({ id: hexId(), name, domain_id: null, description: null });
  const roles = [role('admin'), role('member'), role('reader')];
  const user: User = {
    id: hexId(),
    name: 'admin',
    domain_id: defaultDomainId,
    enabled: true,
    passwordHash: hashPassword(adminPassword),
  };
  const adminRole = roles[0] as Role;
  return {
    domains: { [domain.id]: domain },
    projects: { [admin.id]: admin, [service.id]: service },
    users: { [user.id]: user },
    roles: Object.fromEntries(roles.map((r) => [r.id, r])),
    assignments: [
      { roleId: adminRole.id, userId: user.id, projectId: admin.id, domainId: null },
      { roleId: adminRole.id, userId: user.id, projectId: null, domainId: defaultDomainId },
    ],
    tokens: {},
    appCredentials: {},
  };
};

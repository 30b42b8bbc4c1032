/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import { login } from './os-session';
import type { Recorder } from './recorder';

export const memberPassword = 'Diff-secret-1';

/**
 * Keystone: versions, a fresh project with a member user (every later script acts as that
 * user), groups, roles, app credentials and the refusals a member meets.
 */
export const identityScript = async (r: Recorder) => {
  const t = r.tag;
  const id = 'identity' as const;
  await r.call('identity.versions', { svc: id, path: '/..', admin: true });
  await r.call('identity.version', { svc: id, path: '', admin: true });
  const project = await r.call('identity.project.create', {
    svc: id,
    method: 'POST',
    path: '/projects',
    admin: true,
    body: { project: { name: t, domain_id: 'default', description: 'diff', is_domain: false } },
  });
  r.vars.project = project.body?.project?.id as string;
  await r.call('identity.project.get', {
    svc: id,
    path: `/projects/${r.v('project')}`,
    admin: true,
  });
  await r.call('identity.project.update', {
    svc: id,
    method: 'PATCH',
    path: `/projects/${r.v('project')}`,
    admin: true,
    body: { project: { description: 'diff 2' } },
  });
  await r.call('identity.project.list-by-name', {
    svc: id,
    path: `/projects?name=${t}`,
    admin: true,
  });
  await r.call('identity.domain.get', { svc: id, path: '/domains/default', admin: true });
  const user = await r.call('identity.user.create', {
    svc: id,
    method: 'POST',
    path: '/users',
    admin: true,
    body: {
      user: {
        name: t,
        password: memberPassword,
        domain_id: 'default',
        default_project_id: r.v('project'),
        email: `${t}@example.com`,
      },
    },
  });
  r.vars.user = user.body?.user?.id as string;
  await r.call('identity.user.get', { svc: id, path: `/users/${r.v('user')}`, admin: true });
  await r.call('identity.user.update', {
    svc: id,
    method: 'PATCH',
    path: `/users/${r.v('user')}`,
    admin: true,
    body: { user: { description: 'diff user' } },
  });
  await r.call('identity.user.list-by-name', { svc: id, path: `/users?name=${t}`, admin: true });
  const roles = await r.call('identity.role.list-by-name', {
    svc: id,
    path: '/roles?name=member',
    admin: true,
  });
  r.vars.memberRole = roles.body?.roles?.[0]?.id as string;
  await r.call('identity.role.assign', {
    svc: id,
    method: 'PUT',
    path: `/projects/${r.v('project')}/users/${r.v('user')}/roles/${r.v('memberRole')}`,
    admin: true,
  });
  await r.call('identity.role.check', {
    svc: id,
    path: `/projects/${r.v('project')}/users/${r.v('user')}/roles/${r.v('memberRole')}`,
    admin: true,
  });
  await r.call('identity.role.list-on-project', {
    svc: id,
    path: `/projects/${r.v('project')}/users/${r.v('user')}/roles`,
    admin: true,
  });
  await r.call('identity.role-assignments.list', {
    svc: id,
    path: `/role_assignments?user.id=${r.v('user')}`,
    admin: true,
  });
  await r.call('identity.user.projects', {
    svc: id,
    path: `/users/${r.v('user')}/projects`,
    admin: true,
  });
  await r.call('identity.regions.list', { svc: id, path: '/regions', admin: true });
  await r.call('identity.services.list', { svc: id, path: '/services', admin: true });
  await r.call('identity.endpoints.list', { svc: id, path: '/endpoints', admin: true });
  // Groups and membership.
  const group = await r.call('identity.group.create', {
    svc: id,
    method: 'POST',
    path: '/groups',
    admin: true,
    body: { group: { name: t, domain_id: 'default', description: 'diff' } },
  });
  r.vars.group = group.body?.group?.id as string;
  const g = `/groups/${r.v('group')}`;
  await r.call('identity.group.get', { svc: id, path: g, admin: true });
  await r.call('identity.group.list-by-name', { svc: id, path: `/groups?name=${t}`, admin: true });
  const member = `${g}/users/${r.v('user')}`;
  await r.call('identity.group.add-user', { svc: id, method: 'PUT', path: member, admin: true });
  await r.call('identity.group.check-user', { svc: id, path: member, admin: true });
  await r.call('identity.group.users', { svc: id, path: `${g}/users`, admin: true });
  await r.call('identity.user.groups', {
    svc: id,
    path: `/users/${r.v('user')}/groups`,
    admin: true,
  });
  await r.call('identity.group.remove-user', {
    svc: id,
    method: 'DELETE',
    path: member,
    admin: true,
  });
  await r.call('identity.group.delete', { svc: id, method: 'DELETE', path: g, admin: true });
  await r.call('identity.group.get-deleted', { svc: id, path: g, admin: true });

  // From here on the member of the fresh project acts. Removing the user from the group wrote a
  // revocation event for the user; Keystone (Zed) compares times in whole seconds and refuses a
  // token issued in the same second as a revocation (401 on every call). Log in once that second
  // is over, on both clouds alike.
  await new Promise((resolve) => setTimeout(resolve, 2_000 - (Date.now() % 1_000)));
  r.user = await login({
    authUrl: r.admin.authUrl,
    username: t,
    password: memberPassword,
    projectId: r.v('project'),
  });
  await r.call('identity.auth.projects', { svc: id, path: '/auth/projects' });
  await r.call('identity.auth.catalog', { svc: id, path: '/auth/catalog' });
  await r.call('identity.member.list-all-projects', { svc: id, path: '/projects' });
  await r.call('identity.member.list-users', { svc: id, path: '/users' });
  await r.call('identity.member.create-project', {
    svc: id,
    method: 'POST',
    path: '/projects',
    body: { project: { name: `${t}-no`, domain_id: 'default' } },
  });
  const cred = await r.call('identity.app-credential.create', {
    svc: id,
    method: 'POST',
    path: `/users/${r.user.userId}/application_credentials`,
    body: { application_credential: { name: t, description: 'diff' } },
  });
  const ac = `/users/${r.user.userId}/application_credentials`;
  const credId = cred.body?.application_credential?.id as string;
  await r.call('identity.app-credential.list', { svc: id, path: ac });
  await r.call('identity.app-credential.get', { svc: id, path: `${ac}/${credId}` });
  await r.call('identity.app-credential.delete', {
    svc: id,
    method: 'DELETE',
    path: `${ac}/${credId}`,
  });
};

/** Last: a password change revokes the member's tokens. */
export const identityLateScript = async (r: Recorder) => {
  const id = 'identity' as const;
  await r.call('identity.admin.change-other-password', {
    svc: id,
    method: 'POST',
    path: `/users/${r.v('user')}/password`,
    admin: true,
    body: { user: { password: memberPassword, original_password: memberPassword } },
  });
};

/** Remove the project and user (unrecorded: clean-up, not comparison). */
export const identityCleanup = async (r: Recorder) => {
  if (r.vars.user !== undefined)
    await r.raw({ svc: 'identity', method: 'DELETE', path: `/users/${r.vars.user}`, admin: true });
  if (r.vars.project !== undefined)
    await r.raw({
      svc: 'identity',
      method: 'DELETE',
      path: `/projects/${r.vars.project}`,
      admin: true,
    });
};

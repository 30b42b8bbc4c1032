import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getUserResult, userSchema, type User } from './results';
import { usersUrl, userUrl } from './urls';

export const listUsers = (
  identity: ServiceClient,
  call: Call,
  query: { name?: string; domain_id?: string } = {},
): Promise<User[]> =>
  listAll(identity, call, { path: usersUrl(), key: 'users', item: userSchema, query });

export const createUser = async (
  identity: ServiceClient,
  call: Call,
  opts: { name: string; domain_id: string; password: string; description?: string },
): Promise<User> =>
  (
    await identity.requestJson(
      call,
      {
        method: 'POST',
        path: usersUrl(),
        body: { user: { ...opts, enabled: true } },
        expected: [201],
      },
      getUserResult,
    )
  ).user;

/** Set attributes as an admin (e.g. a new password: the user's tokens are revoked). */
export const updateUser = async (
  identity: ServiceClient,
  call: Call,
  id: string,
  opts: { password?: string; enabled?: boolean },
): Promise<User> =>
  (
    await identity.requestJson(
      call,
      { method: 'PATCH', path: userUrl(id), body: { user: opts }, expected: [200] },
      getUserResult,
    )
  ).user;

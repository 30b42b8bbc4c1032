import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { roleSchema, type Role } from './results';
import { rolesUrl } from './urls';

export const listRoles = (
  identity: ServiceClient,
  call: Call,
  query: { name?: string } = {},
): Promise<Role[]> =>
  listAll(identity, call, { path: rolesUrl(), key: 'roles', item: roleSchema, query });

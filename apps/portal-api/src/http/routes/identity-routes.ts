import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { createRole } from '../../services/roles/create-role';
import { deleteRole } from '../../services/roles/delete-role';
import { getRole } from '../../services/roles/get-role';
import { listRoles } from '../../services/roles/list-roles';
import { updateRole } from '../../services/roles/update-role';
import { createUser } from '../../services/users/create-user';
import { deleteUser } from '../../services/users/delete-user';
import { getUser } from '../../services/users/get-user';
import { listUsers } from '../../services/users/list-users';
import { updateUser } from '../../services/users/update-user';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

export const registerIdentityRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listUsers, ({ ctx, query }) => listUsers(ctx, query));
  registerContract(app, deps, c.getUser, ({ ctx, params }) => getUser(ctx, params.id));
  registerContract(app, deps, c.createUser, ({ ctx, body }) => createUser(ctx, body));
  registerContract(app, deps, c.updateUser, ({ ctx, params, body }) =>
    updateUser(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteUser, async ({ ctx, params }) => {
    await deleteUser(ctx, params.id);
    return null;
  });
  registerContract(app, deps, c.listRoles, async ({ ctx }) => ({ items: await listRoles(ctx) }));
  registerContract(app, deps, c.getRole, ({ ctx, params }) => getRole(ctx, params.id));
  registerContract(app, deps, c.createRole, ({ ctx, body }) => createRole(ctx, body));
  registerContract(app, deps, c.updateRole, ({ ctx, params, body }) =>
    updateRole(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteRole, async ({ ctx, params }) => {
    await deleteRole(ctx, params.id);
    return null;
  });
};

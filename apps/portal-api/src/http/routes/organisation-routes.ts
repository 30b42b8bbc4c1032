import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { createDepartment } from '../../services/departments/create-department';
import { deleteDepartment } from '../../services/departments/delete-department';
import { getDepartment } from '../../services/departments/get-department';
import { listDepartments } from '../../services/departments/list-departments';
import { updateDepartment } from '../../services/departments/update-department';
import { createProject } from '../../services/projects/create-project';
import { deleteProject } from '../../services/projects/delete-project';
import { getProject } from '../../services/projects/get-project';
import { listProjects } from '../../services/projects/list-projects';
import { updateProject } from '../../services/projects/update-project';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

export const registerOrganisationRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listDepartments, ({ ctx, query }) => listDepartments(ctx, query));
  registerContract(app, deps, c.getDepartment, ({ ctx, params }) => getDepartment(ctx, params.id));
  registerContract(app, deps, c.createDepartment, ({ ctx, body }) => createDepartment(ctx, body));
  registerContract(app, deps, c.updateDepartment, ({ ctx, params, body }) =>
    updateDepartment(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteDepartment, async ({ ctx, params }) => {
    await deleteDepartment(ctx, params.id);
    return null;
  });
  registerContract(app, deps, c.listProjects, ({ ctx, query }) => listProjects(ctx, query));
  registerContract(app, deps, c.getProject, ({ ctx, params }) => getProject(ctx, params.id));
  registerContract(app, deps, c.createProject, ({ ctx, body }) => createProject(ctx, body));
  registerContract(app, deps, c.updateProject, ({ ctx, params, body }) =>
    updateProject(ctx, params.id, body),
  );
  registerContract(app, deps, c.deleteProject, async ({ ctx, params }) => {
    await deleteProject(ctx, params.id);
    return null;
  });
};

import { randomBytes } from 'node:crypto';
import type { AssignmentInput } from '@yunguan/contract';
import { createDepartment } from '../src/services/departments/create-department';
import { createProject } from '../src/services/projects/create-project';
import { createUser } from '../src/services/users/create-user';
import type { ServiceContext } from '../src/services/context';
import { PASSWORD } from './harness';

const suffix = () => randomBytes(3).toString('hex');

/** One organisation per suite: a department with two projects and one user per built-in role. */
export const createOrganisation = async (ctx: ServiceContext, label: string) => {
  const department = await createDepartment(ctx, { name: `${label}-${suffix()}`, description: '' });
  const project = await createProject(ctx, {
    name: `${label}-app`,
    description: '',
    departmentId: department.id,
  });
  const otherProject = await createProject(ctx, {
    name: `${label}-ops`,
    description: '',
    departmentId: department.id,
  });
  const user = (name: string, roles: AssignmentInput[]) =>
    createUser(ctx, {
      username: `${label}-${name}-${suffix()}`,
      password: PASSWORD,
      departmentId: department.id,
      roles,
    });
  const deptAdmin = await user('da', [
    { role: 'department_admin', scope: 'department', departmentId: department.id },
  ]);
  const projectAdmin = await user('pa', [
    { role: 'project_admin', scope: 'project', projectId: project.id },
  ]);
  const member = await user('m', [{ role: 'member', scope: 'project', projectId: project.id }]);
  return { department, project, otherProject, deptAdmin, projectAdmin, member };
};
export type Organisation = Awaited<ReturnType<typeof createOrganisation>>;

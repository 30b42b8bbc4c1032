import { notFound } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { findDepartmentRow } from '../../repositories/department-repository';
import { listProjectsOfDepartments } from '../../repositories/project-repository';
import { DepartmentQuotas } from './quota-view';

export const loadDepartmentQuotas = async (
  db: DbClient,
  departmentId: string,
): Promise<DepartmentQuotas> => {
  const department = await findDepartmentRow(db, departmentId);
  if (!department) throw notFound('department', departmentId);
  const projects = await listProjectsOfDepartments(db, [departmentId]);
  return DepartmentQuotas.load(
    db,
    { departmentId, departmentName: department.name },
    projects.map((p) => ({ id: p.id, name: p.name, departmentId: p.departmentId })),
  );
};

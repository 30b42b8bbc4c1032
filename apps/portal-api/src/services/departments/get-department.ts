import type { Department } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { toDepartment } from '../mappers';
import { findDepartmentFor } from './find-visible-department';

export const getDepartment = async (ctx: ServiceContext, id: string): Promise<Department> =>
  toDepartment(await findDepartmentFor(ctx, id, 'department.read'));

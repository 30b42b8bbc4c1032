import type { Project } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { toProject } from '../mappers';
import { findProjectFor } from './find-visible-project';

export const getProject = async (ctx: ServiceContext, id: string): Promise<Project> =>
  toProject(await findProjectFor(ctx, id, 'project.read'));

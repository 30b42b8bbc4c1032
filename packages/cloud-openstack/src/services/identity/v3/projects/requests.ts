import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getProjectResult, projectSchema, type Project } from './results';
import { projectsUrl, projectUrl } from './urls';

export const listProjects = (
  identity: ServiceClient,
  call: Call,
  query: { name?: string; domain_id?: string } = {},
): Promise<Project[]> =>
  listAll(identity, call, { path: projectsUrl(), key: 'projects', item: projectSchema, query });

export const createProject = async (
  identity: ServiceClient,
  call: Call,
  opts: { name: string; domain_id: string; description?: string; enabled?: boolean },
): Promise<Project> =>
  (
    await identity.requestJson(
      call,
      { method: 'POST', path: projectsUrl(), body: { project: opts }, expected: [201] },
      getProjectResult,
    )
  ).project;

export const deleteProject = async (identity: ServiceClient, call: Call, id: string) => {
  await identity.request(call, { method: 'DELETE', path: projectUrl(id), expected: [204] });
};

export const getProject = async (identity: ServiceClient, call: Call, id: string) =>
  (
    await identity.requestJson(
      call,
      { method: 'GET', path: projectUrl(id), expected: [200] },
      getProjectResult,
    )
  ).project;

import type { Quota } from '@yunguan/contract';
import {
  allocatedOf,
  defaultProjectLimit,
  quotaResources,
  UNLIMITED,
  type ProjectAllocation,
  type QuotaResource,
} from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { listQuotaRowsOfDepartments, type QuotaRow } from '../../repositories/quota-repository';

type Owner = { departmentId: string; departmentName: string };
export type ProjectRef = { id: string; name: string; departmentId: string };

/** All stored limits of one department and its projects, with defaults filled in. */
export class DepartmentQuotas {
  constructor(
    readonly department: Owner,
    readonly projects: readonly ProjectRef[],
    private readonly rows: readonly QuotaRow[],
  ) {}

  static async load(db: DbClient, department: Owner, projects: readonly ProjectRef[]) {
    return new DepartmentQuotas(
      department,
      projects,
      await listQuotaRowsOfDepartments(db, [department.departmentId]),
    );
  }

  private row(resource: QuotaResource, projectId: string | null) {
    return this.rows.find((r) => r.resource === resource && r.projectId === projectId);
  }

  departmentLimit(resource: QuotaResource): number {
    return this.row(resource, null)?.limit ?? UNLIMITED;
  }

  projectLimit(resource: QuotaResource, projectId: string): number {
    return (
      this.row(resource, projectId)?.limit ?? defaultProjectLimit(this.departmentLimit(resource))
    );
  }

  /** What projects hold for a resource. A project without its own row holds nothing: under a
   * limited department its default is 0, and under an unlimited one it simply follows along. */
  allocations(resource: QuotaResource, exceptProjectId?: string): ProjectAllocation[] {
    return this.projects
      .filter((p) => p.id !== exceptProjectId)
      .map((p) => ({
        projectId: p.id,
        projectName: p.name,
        limit: this.row(resource, p.id)?.limit ?? 0,
      }));
  }

  departmentView(): Quota[] {
    return quotaResources.map((resource) => {
      const row = this.row(resource, null);
      return {
        id: row?.id ?? null,
        scope: 'department',
        departmentId: this.department.departmentId,
        projectId: null,
        ownerName: this.department.departmentName,
        resource,
        limit: row?.limit ?? UNLIMITED,
        isDefault: !row,
        allocated: allocatedOf(this.allocations(resource)),
      };
    });
  }

  projectView(project: ProjectRef): Quota[] {
    return quotaResources.map((resource) => {
      const row = this.row(resource, project.id);
      return {
        id: row?.id ?? null,
        scope: 'project',
        departmentId: this.department.departmentId,
        projectId: project.id,
        ownerName: project.name,
        resource,
        limit: this.projectLimit(resource, project.id),
        isDefault: !row,
        allocated: null,
      };
    });
  }
}

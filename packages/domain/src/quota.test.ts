import { describe, expect, test } from 'vitest';
import { DomainError } from './errors';
import {
  allocatedOf,
  assertDepartmentLimitCovers,
  assertProjectLimitFits,
  assertUsageFits,
  defaultProjectLimit,
  remainingForProjects,
} from './quota';
import type { ProjectAllocation } from './quota';

const project = (projectId: string, limit: number): ProjectAllocation => ({
  projectId,
  projectName: `name-${projectId}`,
  limit,
});

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
};

describe('allocatedOf', () => {
  test('sums project limits', () => {
    expect(allocatedOf([project('p1', 4), project('p2', 6), project('p3', 0)])).toBe(10);
  });

  test('ignores unlimited (-1) projects', () => {
    expect(allocatedOf([project('p1', -1), project('p2', 6)])).toBe(6);
    expect(allocatedOf([project('p1', -1)])).toBe(0);
  });

  test('is 0 without projects', () => {
    expect(allocatedOf([])).toBe(0);
  });
});

describe('defaultProjectLimit', () => {
  test('an unlimited department gives unlimited', () => {
    expect(defaultProjectLimit(-1)).toBe(-1);
  });

  test('a limited department gives nothing until allocated', () => {
    expect(defaultProjectLimit(100)).toBe(0);
    expect(defaultProjectLimit(0)).toBe(0);
  });
});

describe('remainingForProjects', () => {
  test('null for an unlimited department', () => {
    expect(remainingForProjects(-1, [project('p1', 50)])).toBeNull();
  });

  test('department limit minus what the others hold', () => {
    expect(remainingForProjects(20, [project('p1', 5), project('p2', -1), project('p3', 3)])).toBe(
      12,
    );
  });
});

describe('assertProjectLimitFits', () => {
  const others = [project('p1', 6), project('p2', 4)];

  test('anything fits in an unlimited department', () => {
    expect(() =>
      assertProjectLimitFits({
        resource: 'vcpus',
        limit: 1_000_000,
        departmentLimit: -1,
        otherProjects: others,
      }),
    ).not.toThrow();
    expect(() =>
      assertProjectLimitFits({
        resource: 'vcpus',
        limit: -1,
        departmentLimit: -1,
        otherProjects: others,
      }),
    ).not.toThrow();
  });

  test('a limited department counts the allocations of the other projects', () => {
    expect(() =>
      assertProjectLimitFits({
        resource: 'vcpus',
        limit: 5,
        departmentLimit: 20,
        otherProjects: others,
      }),
    ).not.toThrow();
  });

  test('exactly the remaining amount fits', () => {
    expect(() =>
      assertProjectLimitFits({
        resource: 'vcpus',
        limit: 10,
        departmentLimit: 20,
        otherProjects: others,
      }),
    ).not.toThrow();
  });

  test('one more than the remaining amount is refused with the numbers', () => {
    const error = thrown(() =>
      assertProjectLimitFits({
        resource: 'vcpus',
        limit: 11,
        departmentLimit: 20,
        otherProjects: others,
      }),
    );
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.details).toEqual({
      reason: 'project_exceeds_department',
      params: { resource: 'vcpus', limit: 11, remaining: 10, departmentLimit: 20 },
    });
  });

  test('an unlimited project in a limited department is refused', () => {
    const error = thrown(() =>
      assertProjectLimitFits({
        resource: 'ram_mb',
        limit: -1,
        departmentLimit: 20,
        otherProjects: [],
      }),
    );
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.details).toEqual({
      reason: 'project_unlimited_in_limited_department',
      params: { resource: 'ram_mb', departmentLimit: 20 },
    });
  });

  test('unlimited siblings take nothing from the remaining amount', () => {
    expect(() =>
      assertProjectLimitFits({
        resource: 'instances',
        limit: 20,
        departmentLimit: 20,
        otherProjects: [project('p1', -1)],
      }),
    ).not.toThrow();
  });
});

describe('assertDepartmentLimitCovers', () => {
  test('a limit at or above what the projects hold passes', () => {
    const projects = [project('p1', 6), project('p2', 4)];
    expect(() =>
      assertDepartmentLimitCovers({ resource: 'volume_gb', limit: 10, projects }),
    ).not.toThrow();
    expect(() =>
      assertDepartmentLimitCovers({ resource: 'volume_gb', limit: 11, projects }),
    ).not.toThrow();
  });

  test('a limit below what the projects hold is refused', () => {
    const error = thrown(() =>
      assertDepartmentLimitCovers({
        resource: 'volume_gb',
        limit: 9,
        projects: [project('p1', 6), project('p2', 4)],
      }),
    );
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.details).toEqual({
      reason: 'department_below_allocated',
      params: { resource: 'volume_gb', limit: 9, allocated: 10 },
    });
  });

  test('a limit is refused while a project is unlimited, naming the project', () => {
    const error = thrown(() =>
      assertDepartmentLimitCovers({
        resource: 'floating_ips',
        limit: 1000,
        projects: [project('p1', 2), project('p2', -1)],
      }),
    );
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.details).toEqual({
      reason: 'department_has_unlimited_project',
      params: { resource: 'floating_ips', project: 'name-p2' },
    });
  });

  test('unlimited (-1) always passes', () => {
    expect(() =>
      assertDepartmentLimitCovers({
        resource: 'networks',
        limit: -1,
        projects: [project('p1', 500), project('p2', -1)],
      }),
    ).not.toThrow();
  });
});

describe('live usage against a limit', () => {
  test('fits up to the limit exactly', () => {
    expect(() =>
      assertUsageFits({ resource: 'instances', limit: 10, used: 8, requested: 2 }),
    ).not.toThrow();
  });

  test('one more is refused, naming resource, limit, use and the request', () => {
    const error = thrown(() =>
      assertUsageFits({ resource: 'vcpus', limit: 16, used: 14, requested: 4 }),
    );
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.details).toEqual({
      reason: 'quota_exceeded',
      params: { resource: 'vcpus', limit: 16, used: 14, requested: 4 },
    });
  });

  test('unlimited (-1) and shrinking requests always pass; a zero limit refuses any', () => {
    expect(() =>
      assertUsageFits({ resource: 'ram_mb', limit: -1, used: 1e9, requested: 1e9 }),
    ).not.toThrow();
    expect(() =>
      assertUsageFits({ resource: 'ram_mb', limit: 10, used: 50, requested: -4 }),
    ).not.toThrow();
    expect(() =>
      assertUsageFits({ resource: 'instances', limit: 0, used: 0, requested: 1 }),
    ).toThrow(DomainError);
  });
});

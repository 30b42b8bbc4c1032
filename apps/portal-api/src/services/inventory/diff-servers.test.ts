import { describe, expect, test } from 'vitest';
import type { ResourceSnapshot, ResourceUpsert } from '../../repositories/resource-repository';
import { diffServers } from './diff-servers';
import { sameJson } from './server-observation';

const row = (id: string, over: Partial<ResourceSnapshot> = {}): ResourceSnapshot => ({
  externalId: id,
  name: id,
  status: 'active',
  spec: { b: 1, a: { y: 2, x: 1 } },
  projectId: null,
  deletedAt: null,
  ...over,
});
const seen = (id: string, over: Partial<ResourceUpsert> = {}): ResourceUpsert => ({
  externalId: id,
  projectId: null,
  projectExternalId: 'p1',
  name: id,
  status: 'active',
  spec: { a: { x: 1, y: 2 }, b: 1 },
  ...over,
});

describe('diffServers', () => {
  test('full: new, changed, unchanged and gone; key order does not count as drift', () => {
    const mirror = [
      row('same'),
      row('renamed'),
      row('gone'),
      row('dead', { deletedAt: new Date() }),
    ];
    const diff = diffServers('full', mirror, [
      seen('same'),
      seen('renamed', { name: 'new-name' }),
      seen('fresh'),
      seen('dead'),
    ]);
    expect(diff.unchanged).toEqual(['same']);
    expect(diff.writes.map((w) => w.externalId).sort()).toEqual(['dead', 'fresh', 'renamed']);
    expect(diff.gone).toEqual(['gone']);
    expect(diff.counts).toEqual({ seen: 4, created: 1, updated: 2, deleted: 1 });
  });

  test('changes: only reported servers; deleted ones are gone, missing ones stay', () => {
    const mirror = [row('a'), row('b'), row('c', { deletedAt: new Date() })];
    const diff = diffServers('changes', mirror, [
      seen('a', { status: 'deleted' }),
      seen('c', { status: 'deleted' }),
      seen('d', { status: 'deleted' }),
    ]);
    expect(diff.gone).toEqual(['a']);
    expect(diff.writes).toEqual([]);
    expect(diff.counts).toMatchObject({ created: 0, updated: 0, deleted: 1 });
  });

  test('a project mapping that appeared is an update', () => {
    const diff = diffServers('full', [row('a')], [seen('a', { projectId: 'proj' })]);
    expect(diff.counts.updated).toBe(1);
  });

  test('sameJson ignores key order and undefined keys, not values or array order', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([{ a: '1' }], [{ a: 1 }])).toBe(false);
  });
});

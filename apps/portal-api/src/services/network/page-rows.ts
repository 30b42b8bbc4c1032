import type { ResourceListQuery } from '@yunguan/contract';
import type { ResourceRow } from '../../repositories/resource-repository';

const compare = (sort: ResourceListQuery['sort']) => {
  const dir = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '') as 'name' | 'status' | 'createdAt';
  const value = (r: ResourceRow) =>
    field === 'createdAt' ? r.firstSeenAt.toISOString() : r[field].toLowerCase();
  return (a: ResourceRow, b: ResourceRow) => {
    const [x, y] = [value(a), value(b)];
    return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * dir;
  };
};

const matches = (query: ResourceListQuery) => (r: ResourceRow) =>
  (!query.status || r.status === query.status) &&
  (!query.q ||
    r.name.toLowerCase().includes(query.q.toLowerCase()) ||
    r.externalId.startsWith(query.q));

/**
 * Filter, search, sort and page rows a live read produced (the same rules as the mirror's
 * list query; such sets are small — what one project sees in one datacenter).
 */
export const pageRows = (rows: ResourceRow[], query: ResourceListQuery) => {
  const all = rows.filter(matches(query)).sort(compare(query.sort));
  const start = (query.page - 1) * query.pageSize;
  return { rows: all.slice(start, start + query.pageSize), total: all.length };
};

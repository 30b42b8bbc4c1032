import { precondition } from '@yunguan/domain';
import type { OwnedUsage, OwnerKind } from '../../repositories/owned-usage-repository';

/**
 * Refuse a delete while the owner still holds anything (docs/adr/0113): PRECONDITION_FAILED
 * (409) with reason `<kind>_not_empty` and params `{ name, <type>: n, …, tasks }` (a department
 * also reports `projects` and `users`), rendered in zh-CN or en by the contract's catalog.
 */
export const assertOwnsNothing = (
  kind: OwnerKind,
  name: string,
  usage: OwnedUsage,
  members: Record<string, number> = {},
): void => {
  const counts = { ...members, ...usage.resources, tasks: usage.unfinishedTasks };
  if (Object.values(counts).every((n) => n === 0)) return;
  throw precondition(`${kind}_not_empty`, { name, ...counts });
};

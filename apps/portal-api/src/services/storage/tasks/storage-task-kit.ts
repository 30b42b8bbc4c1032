import { observationOf, type DtoOfKind } from '../../resources/observation-of';
import type { Judgement, TaskRun } from '../../tasks/task-definition';

export { orGone } from '../../tasks/or-gone';
import { stepMessage as m } from '@yunguan/contract';

type StorageKind = 'volume' | 'volume-snapshot' | 'volume-backup';

/** The English noun a judge is given → the kind its step messages name. */
const kindOfNoun = (what: string): string =>
  ({ snapshot: 'volume-snapshot', backup: 'volume-backup' })[what] ?? what;

/**
 * A look that also writes what it saw to the mirror whenever the status changes, so the list
 * shows `creating`, `attaching`, `deleting`, `error` … while the task runs and after it failed.
 * A look that may find the object gone (deletes) passes null through.
 */
export function observing<K extends StorageKind>(
  rt: TaskRun<unknown>,
  kind: K,
  read: () => Promise<DtoOfKind[K]>,
): () => Promise<DtoOfKind[K]>;
export function observing<K extends StorageKind>(
  rt: TaskRun<unknown>,
  kind: K,
  read: () => Promise<DtoOfKind[K] | null>,
): () => Promise<DtoOfKind[K] | null>;
export function observing<K extends StorageKind>(
  rt: TaskRun<unknown>,
  kind: K,
  read: () => Promise<DtoOfKind[K] | null>,
): () => Promise<DtoOfKind[K] | null> {
  let last = '';
  return async () => {
    const seen = await read();
    if (seen && seen.status !== last) {
      await rt.observe(observationOf(kind, seen));
      last = seen.status;
    }
    return seen;
  };
}

/** Write the final view to the mirror; returns its row id. */
export const record = <K extends StorageKind>(rt: TaskRun<unknown>, kind: K, dto: DtoOfKind[K]) =>
  rt.observe(observationOf(kind, dto));

/** Until `status` is `want`; any status starting with `error` fails with the cloud's words. */
export const untilStatus =
  (what: string, want: string, extra?: (seen: { status: string }) => string | null) =>
  (seen: { status: string; name: string }): Judgement => {
    if (seen.status.startsWith('error'))
      return {
        state: 'failed',
        reason: extra?.(seen) ?? `${what} ${seen.name} went to status ${seen.status}`,
      };
    const kind = kindOfNoun(what);
    if (seen.status === want)
      return { state: 'done', detail: m('status-of', { kind, name: seen.name, status: want }) };
    return { state: 'pending', detail: m('status', { kind, status: seen.status }) };
  };

/** Until the object is gone; error_deleting fails with the cloud's words. */
export const untilGone =
  (what: string) =>
  (seen: { status: string; name: string } | null): Judgement => {
    const kind = kindOfNoun(what);
    if (seen === null) return { state: 'done', detail: m('deleted', { kind, name: '' }) };
    if (seen.status.startsWith('error'))
      return { state: 'failed', reason: `${what} ${seen.name} went to status ${seen.status}` };
    return { state: 'pending', detail: m('status', { kind, status: seen.status }) };
  };

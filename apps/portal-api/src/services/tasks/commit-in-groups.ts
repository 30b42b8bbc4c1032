import { DomainError } from '@yunguan/domain';
import type { Database, DbClient } from '../../repositories/db-client';
import { inTaskTransaction } from '../../repositories/task-repository';
import { openQuotaLedger, type QuotaDemand, type QuotaLedger } from './check-quota';

/** One request's quota-checked write: its demand is charged first, then `write` runs. */
export type QuotaWrite<T> = {
  demand: QuotaDemand;
  write: (tx: DbClient) => Promise<T>;
};

type Waiting = {
  job: QuotaWrite<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Group = { db: Database; project: { id: string; departmentId: string }; queue: Waiting[] };

/** At most this many requests share one transaction (keeps each transaction short). */
const GROUP_MAX = 100;
const groups = new Map<string, Group>();

/** Charge then write; a refused charge (QUOTA_EXCEEDED) fails only its own request. */
const runOne = async (tx: DbClient, ledger: QuotaLedger, w: Waiting): Promise<() => void> => {
  try {
    await ledger.charge(w.job.demand);
  } catch (error) {
    if (error instanceof DomainError) return () => w.reject(error);
    throw error;
  }
  const value = await w.job.write(tx);
  return () => w.resolve(value);
};

const runGroup = async (group: Group, batch: Waiting[]): Promise<void> => {
  try {
    const settle = await inTaskTransaction(group.db, async (tx) => {
      const ledger = openQuotaLedger(tx, group.project);
      const out: (() => void)[] = [];
      for (const w of batch) out.push(await runOne(tx, ledger, w));
      return out;
    });
    for (const s of settle) s();
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    // One request broke the shared transaction (a unique violation, say): run each alone, so
    // that it gets its own error and the others are written as if it had never been there.
    for (const w of batch) await runGroup(group, [w]);
  }
};

const drain = async (key: string, group: Group): Promise<void> => {
  while (group.queue.length > 0) await runGroup(group, group.queue.splice(0, GROUP_MAX));
  groups.delete(key);
};

/**
 * Quota-checked writes of one project, group-committed (ADR 0120): requests that arrive while
 * a transaction of the project is running wait and then share the next one — one project lock,
 * one read of the use, their demands charged one after another in arrival order (exactly as if
 * they had run one by one), their rows, one commit. Across processes the project row lock
 * (SELECT … FOR UPDATE) still serialises. A burst of 500 creates is a handful of transactions
 * instead of 500 in a row.
 */
export const commitInGroups = <T>(
  db: Database,
  project: { id: string; departmentId: string },
  job: QuotaWrite<T>,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const key = project.id;
    let group = groups.get(key);
    const waiting: Waiting = {
      job,
      resolve: resolve as (value: unknown) => void,
      reject,
    };
    if (group) {
      group.queue.push(waiting);
      return;
    }
    group = { db, project, queue: [waiting] };
    groups.set(key, group);
    void drain(key, group);
  });

import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SimNotification } from './sim-context';

/** Where notifications go: `<dataDir>/events.jsonl` (one JSON object a line) or memory. */
export type EventJournal = {
  append: (n: SimNotification) => void;
  /** Notifications appended since start (always kept in memory, for tests). */
  recent: () => readonly SimNotification[];
};

const keptInMemory = 1_000;

export const openEventJournal = (file: string | null): EventJournal => {
  const memory: SimNotification[] = [];
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  return {
    append(n) {
      memory.push(n);
      if (memory.length > keptInMemory) memory.shift();
      // Synchronous append: one small line, ordered with the state change that caused it.
      if (file) appendFileSync(file, `${JSON.stringify(n)}\n`, { mode: 0o600 });
    },
    recent: () => memory,
  };
};

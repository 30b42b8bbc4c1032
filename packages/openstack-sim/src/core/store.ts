import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyState, type SimState } from './sim-state';

/** One file, written atomically (temp + rename), at most every `debounceMs`; flush() on stop. */
export type SimStore = {
  state: SimState;
  /** Call after every mutation; the write happens shortly after. */
  changed(): void;
  flush(): Promise<void>;
};

export const openStore = (file: string | null, debounceMs = 50): SimStore => {
  const state: SimState =
    file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SimState) : emptyState();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = async () => {
    if (!file) return;
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
    await rename(tmp, file);
  };
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing.then(write);
    await writing;
  };
  return {
    state,
    changed() {
      if (!file || timer) return;
      timer = setTimeout(() => void flush(), debounceMs);
    },
    flush,
  };
};

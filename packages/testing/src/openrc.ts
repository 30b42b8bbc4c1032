import { readFile } from 'node:fs/promises';

const exportLine = /^\s*export\s+(OS_\w+)=(?:'((?:[^']|'\\'')*)'|"([^"\n]*)"|([^\s'"]*))\s*$/gm;

/**
 * The OS_* variables of an openrc: `export OS_X='…'` (shell single quotes, `'\''` inside, as the
 * agent writes them), `export OS_X="…"` or `export OS_X=bare` (as DevStack/kolla write them).
 */
export const parseOpenrc = (text: string): Record<string, string> => {
  const vars: Record<string, string> = {};
  for (const m of text.matchAll(exportLine)) {
    const key = m[1];
    if (key === undefined) continue;
    vars[key] = m[2] !== undefined ? m[2].replace(/'\\''/g, "'") : (m[3] ?? m[4] ?? '');
  }
  return vars;
};

/** parseOpenrc of a file (e.g. `<agentDir>/openrc`). */
export const readOpenrc = async (file: string): Promise<Record<string, string>> =>
  parseOpenrc(await readFile(file, 'utf8'));

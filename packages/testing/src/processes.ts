import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import readline from 'node:readline';

export type Child = {
  name: string;
  process: ChildProcess;
  stop: () => Promise<void>;
  exited: Promise<number | null>;
};

/**
 * With a log file, the terminal only gets a line worth a person's attention: a pino line at warn
 * or above (shown as its message), or a plain line that says warning or error.
 */
export const lineForTerminal = (line: string): string | null => {
  if (line.startsWith('{')) {
    try {
      const entry = JSON.parse(line) as { level?: unknown; msg?: unknown };
      if (typeof entry.level !== 'number') return null;
      if (entry.level < 40) return null;
      const level = entry.level >= 50 ? 'error' : 'warn';
      return `${level}: ${typeof entry.msg === 'string' ? entry.msg : line}`;
    } catch {
      // not JSON after all: judged as plain text below
    }
  }
  return /\b(warn|warning|error|fatal)\b|⚠|✖/i.test(line) ? line : null;
};

/**
 * Start a child process, prefix its output lines with its name (or swallow with quiet). With
 * `logFile` every line goes to that file and only warnings and errors reach the terminal.
 */
export const startChild = (
  name: string,
  command: string,
  args: string[],
  opts: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    quiet?: boolean;
    logFile?: string;
    onLine?: (line: string) => void;
  },
): Child => {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: WriteStream | null = opts.logFile
    ? createWriteStream(opts.logFile, { flags: 'a' })
    : null;
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      opts.onLine?.(line);
      if (log) {
        log.write(`${line}\n`);
        const shown = opts.quiet ? null : lineForTerminal(line);
        if (shown !== null) process.stdout.write(`[${name}] ${shown}\n`);
      } else if (!opts.quiet) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.once('close', () => log?.end()); // after the last line (stdio closed)
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM'); // the whole process group (tsx/next spawn their own children)
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // exited in the meantime
      }
    }, 8000);
    await exited;
    clearTimeout(timer);
  };
  return { name, process: child, stop, exited };
};

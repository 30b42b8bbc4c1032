import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export type Child = {
  name: string;
  process: ChildProcess;
  stop: () => Promise<void>;
  exited: Promise<number | null>;
};

/** Start a child process, prefix its output lines with its name (or swallow with quiet). */
export const startChild = (
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean; onLine?: (line: string) => void },
): Child => {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      opts.onLine?.(line);
      if (!opts.quiet) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
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

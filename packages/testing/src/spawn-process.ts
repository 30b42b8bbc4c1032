import { type ChildProcess, spawn } from 'node:child_process';

export type Spawned = {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<void>;
  kill: () => Promise<void>;
};

/** Spawn a real program, keep its output, and make sure tests can wait for it and end it. */
export const spawnProcess = (command: string, args: string[], env?: NodeJS.ProcessEnv): Spawned => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const waitForOutput = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (pattern.test(stdout) || pattern.test(stderr)) return resolve();
        if (child.exitCode !== null) {
          return reject(
            new Error(`${command} exited (${child.exitCode}) before ${pattern}:\n${stderr}`),
          );
        }
        if (Date.now() - started > timeoutMs) {
          return reject(new Error(`${command}: no ${pattern} within ${timeoutMs} ms:\n${stderr}`));
        }
        setTimeout(check, 25);
      };
      check();
    });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { child, output: () => ({ stdout, stderr }), exited, waitForOutput, kill };
};

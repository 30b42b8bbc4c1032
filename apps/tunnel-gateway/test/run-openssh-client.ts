import { type Spawned, spawnProcess } from '@yunguan/testing/tunnel';

/** Stock OpenSSH client, no user config, no known_hosts, never prompting. */
export const runSsh = (opts: {
  keyPath: string;
  port: number;
  user?: string;
  args: string[];
  /** Remote command, after the destination. */
  command?: string[];
}): Spawned =>
  spawnProcess('ssh', [
    '-F',
    '/dev/null',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'ExitOnForwardFailure=yes',
    '-o',
    'ServerAliveInterval=5',
    '-i',
    opts.keyPath,
    '-p',
    String(opts.port),
    ...opts.args,
    `${opts.user ?? 'agent'}@127.0.0.1`,
    ...(opts.command ?? []),
  ]);

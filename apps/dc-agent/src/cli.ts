import { parseArgs } from 'node:util';
import { type ListenAddress, type Stack, stacks } from './config/agent-config';
import { enrollAgent } from './enroll/enroll-agent';
import { loadAgentEnv } from './env';
import { createLogger } from './logger';
import { startAgent } from './run/start-agent';
import { showStatus } from './status/show-status';

const usage = `usage: yunguan-agent <command> [options]

  enroll --portal <url> --token <token> [--data-dir <dir>]   enroll this datacenter
  run    [--data-dir <dir>] [--stack openstack|sim] [--local-listen <host:port>]
                                                             keep the tunnel up (foreground)
  status [--data-dir <dir>]                                  show enrollment and tunnel state

  --data-dir defaults to $YUNGUAN_AGENT_DATA_DIR or /var/lib/yunguan-agent
  --stack sim serves the simulated OpenStack datacenter from this process (state in the data
    directory) and writes <data-dir>/openrc for the local listener (default 127.0.0.1:5000);
    without enrollment it runs standalone: local listener only, no tunnel`;

const parseStack = (value: string | undefined): Stack | undefined => {
  if (value === undefined) return undefined;
  const stack = stacks.find((s) => s === value);
  if (stack === undefined) throw new Error(`--stack must be one of ${stacks.join(', ')}`);
  return stack;
};

const parseListen = (value: string | undefined): ListenAddress | undefined => {
  if (value === undefined) return undefined;
  const match = /^(.+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match?.[1] || port > 65535) throw new Error('--local-listen must be <host>:<port>');
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
};

const main = async (argv: string[]): Promise<number> => {
  const env = loadAgentEnv();
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      portal: { type: 'string' },
      token: { type: 'string' },
      'data-dir': { type: 'string' },
      stack: { type: 'string' },
      'local-listen': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  const dataDir = values['data-dir'] ?? env.YUNGUAN_AGENT_DATA_DIR;
  const log = createLogger(env.LOG_LEVEL);
  if (values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'enroll') {
    const portalUrl = values.portal ?? env.YUNGUAN_AGENT_PORTAL_URL;
    const token = values.token ?? env.YUNGUAN_AGENT_TOKEN;
    if (portalUrl === undefined || token === undefined) {
      console.error('enroll needs --portal <url> and --token <token>');
      return 2;
    }
    const config = await enrollAgent({ portalUrl, token, dataDir }, log);
    console.log(
      `enrolled datacenter ${config.datacenterId}; start the agent with: yunguan-agent run --data-dir ${dataDir}`,
    );
    return 0;
  }
  if (command === 'run') {
    const agent = await startAgent({
      dataDir,
      log,
      stack: parseStack(values.stack),
      localListen: parseListen(values['local-listen']),
    });
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await agent.stop();
    return 0;
  }
  if (command === 'status') {
    const status = await showStatus(dataDir);
    console.log(status.text);
    return status.connected ? 0 : 1;
  }
  console.error(`unknown command ${command}\n${usage}`);
  return 2;
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`yunguan-agent: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [flags]` runs one;
 * `npm run bench -- --list` lists them.
 */
import type { Bench } from './bench';
import { monitoringBench } from './monitoring';
import { portalSyncBench } from './portal-sync';
import { portalBench } from './portal-create';
import { simBench } from './sim';
import { tunnelBench } from './tunnel-throughput';

const benches: Bench[] = [tunnelBench, simBench, portalBench, portalSyncBench, monitoringBench];

const list = () => benches.map((b) => `  ${b.name.padEnd(10)} ${b.summary}`).join('\n');

const main = async (argv: string[]): Promise<number> => {
  const [name, ...args] = argv;
  if (name === '--list' || name === '--help' || name === '-h') {
    console.log(`usage: npm run bench [-- <name> [flags]]\n\nbenches:\n${list()}`);
    return 0;
  }
  if (name === undefined || name.startsWith('-')) {
    console.log(`running all benches:\n${list()}\n`);
    for (const bench of benches) {
      console.log(`=== ${bench.name}`);
      await bench.run(name === undefined ? [] : argv);
    }
    return 0;
  }
  const bench = benches.find((b) => b.name === name);
  if (bench === undefined) {
    console.error(`unknown bench "${name}"; benches:\n${list()}`);
    return 2;
  }
  await bench.run(args);
  return 0;
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);

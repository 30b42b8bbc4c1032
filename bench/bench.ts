/** One benchmark `npm run bench -- <name> [flags]` can run. Benchmarks are not tests. */
export type Bench = {
  name: string;
  summary: string;
  /** Flags after the name, e.g. ['--mib', '256']. */
  run: (args: string[]) => Promise<void>;
};

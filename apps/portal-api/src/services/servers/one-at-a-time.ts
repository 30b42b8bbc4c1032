/**
 * Run quota-checked writes of one project one after another inside this process. Across
 * processes the project row lock (SELECT … FOR UPDATE) still decides; this only keeps a burst of
 * concurrent requests from each holding a pooled connection while they wait for that lock.
 */
const tails = new Map<string, Promise<unknown>>();

export const oneAtATime = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
};

import { Prisma } from '../src/generated/prisma/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedDemo } from '../src/db/seed-demo';
import { createHarness, type Harness } from './harness';

/** The SQL migrations and the Prisma schema describe the same tables (ADR 0003). */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

test('every Prisma model reads back all its columns from the migrated database', async () => {
  // Prisma selects every scalar field by default, so a table or column the SQL migrations forgot
  // (or named differently from @map) fails here with the model named.
  const models = Object.values(Prisma.ModelName);
  expect(models.length).toBeGreaterThanOrEqual(9);
  const failures: string[] = [];
  for (const model of models) {
    const delegate = (
      h.deps.db as unknown as Record<string, { findFirst: () => Promise<unknown> }>
    )[model.charAt(0).toLowerCase() + model.slice(1)];
    try {
      await delegate!.findFirst();
    } catch (error) {
      failures.push(`${model}: ${(error as Error).message.split('\n').pop()}`);
    }
  }
  expect(failures).toEqual([]);
});

test('the demo seed creates the organisation once', async () => {
  const first = await seedDemo(h.deps.db, h.deps.config, { password: 'yunguan-demo' });
  const second = await seedDemo(h.deps.db, h.deps.config, { password: 'yunguan-demo' });
  expect(first.created).toBe(true);
  expect(second.created).toBe(false);
  const usernames = (await h.deps.db.user.findMany({ select: { username: true } })).map(
    (u) => u.username,
  );
  expect(usernames).toEqual(
    expect.arrayContaining(['admin', 'rd-admin', 'rd-lead', 'rd-dev', 'fin-admin']),
  );
  expect(await h.deps.db.department.count()).toBe(2);
});

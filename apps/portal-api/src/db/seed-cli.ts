import { closeDeps, createDeps } from '../deps';
import { loadDatabaseEnv, loadEnv } from '../env';
import { seedDemo } from './seed-demo';

const { YUNGUAN_DEMO_PASSWORD } = loadDatabaseEnv();
const deps = createDeps(loadEnv());
try {
  const result = await seedDemo(deps.db, deps.config, { password: YUNGUAN_DEMO_PASSWORD });
  console.log(result.created ? 'demo organisation seeded' : 'demo organisation already present');
} finally {
  await closeDeps(deps);
}

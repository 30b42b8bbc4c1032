import { loadDatabaseEnv } from '../env';
import { fastTestCost, productionCost } from '../security/password';
import { createSecretBox } from '../security/secret-box';
import { createPrisma } from './prisma';
import { seedDemo } from './seed-demo';

const env = loadDatabaseEnv();
if (!env.YUNGUAN_SECRET_KEY) throw new Error('YUNGUAN_SECRET_KEY is required to seed');
const db = createPrisma(env.DATABASE_URL);
try {
  const result = await seedDemo(db, {
    password: env.YUNGUAN_DEMO_PASSWORD,
    hashCost: env.YUNGUAN_FAST_HASH ? fastTestCost : productionCost,
    secretBox: createSecretBox(env.YUNGUAN_SECRET_KEY),
  });
  console.log(result.created ? 'demo organisation seeded' : 'demo organisation already present');
} finally {
  await db.$disconnect();
}

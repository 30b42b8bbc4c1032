// `prisma generate` only needs the WASM engines bundled in the npm package, but the CLI tries to
// download the native schema engine first. Point it at an existing file so no download is
// attempted (migrations are applied by scripts/migrate.ts, not by the schema engine).
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= '/bin/false';
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync('prisma', ['generate'], { stdio: 'inherit', env, shell: false });
process.exit(result.status ?? 1);

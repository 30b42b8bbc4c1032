// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importBoundaries from './scripts/eslint/import-boundaries.mjs';

/** Import boundaries (ARCHITECTURE §2): apps depend on packages, never on each other; packages
 * never on apps; nobody reaches into another package's src/; web never touches Prisma or clouds. */
const noDeepImports = {
  group: ['@yunguan/*/src/*', '**/packages/*/src/*', '**/apps/*/src/*'],
  message: "Import another package through its exports ('@yunguan/x'), never its src/.",
};
const otherApps = (self) => ({
  group: [
    '@yunguan/web',
    '@yunguan/portal-api',
    '@yunguan/tunnel-gateway',
    '@yunguan/dc-agent',
  ].filter((name) => name !== self),
  message: 'Apps never import other apps.',
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '.data/**',
      'apps/portal-api/src/generated/**',
      'apps/web/next-env.d.ts',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enum.' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // ARCHITECTURE §2 boundaries that path patterns cannot express (docs/adr/0113).
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    plugins: { yunguan: { rules: { 'import-boundaries': importBoundaries } } },
    rules: { 'yunguan/import-boundaries': 'error' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: [
                '@yunguan/web',
                '@yunguan/portal-api',
                '@yunguan/tunnel-gateway',
                '@yunguan/dc-agent',
                '**/apps/**',
              ],
              message: 'Packages never depend on apps.',
            },
            {
              group: ['@prisma/*', '**/generated/prisma*'],
              message: 'Prisma lives in portal-api repositories only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/portal-api/**/*.ts'],
    ignores: [
      'apps/portal-api/src/repositories/**',
      'apps/portal-api/src/db/**',
      'apps/portal-api/test/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            otherApps('@yunguan/portal-api'),
            {
              group: ['@prisma/*', '**/generated/prisma/client*', '**/generated/prisma'],
              message: 'Prisma lives in src/repositories (and src/db) only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            otherApps('@yunguan/web'),
            {
              group: ['@prisma/*', '@yunguan/cloud-*', 'ioredis', 'bullmq', 'pg'],
              message: 'web talks to portal-api only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/tunnel-gateway/**/*.ts', 'apps/dc-agent/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            {
              group: ['@yunguan/web', '@yunguan/portal-api'],
              message: 'Apps never import other apps.',
            },
            { group: ['@prisma/*'], message: 'Prisma lives in portal-api repositories only.' },
          ],
        },
      ],
    },
  },
  {
    // process.env is read only in each app's src/env.ts (and dev scripts that start processes).
    files: ['apps/*/src/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['apps/*/src/env.ts', 'packages/testing/src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from src/env.ts.' },
      ],
    },
  },
);

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // DynamoDB Local is fetched once, before the files start their stacks (infra/local/dynamodb-local.ts).
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'dashboard/src/**/*.test.ts', 'dashboard/src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/faults/**'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: integration files each run a whole stack (a JVM included).
    maxWorkers: 2,
    allowOnly: false,
    // `vitest run --coverage` (with @vitest/coverage-v8 installed) measures the code we maintain, not what codegen writes.
    coverage: { include: ['functions/**', 'dashboard/src/**', 'infra/**'], exclude: ['functions/generated/**', 'dashboard/src/gql/**', 'dashboard/src/public/gql/**', '**/*.test.{ts,tsx}'] },
    // The API's schema is built in process by some tests (test/integration/domain-sessions.test.ts):
    // @graphql-tools' CommonJS build would load graphql a second time ("from another module or realm").
    server: { deps: { inline: [/@graphql-tools\//, /@apollo\//, /node_modules\/graphql\//] } },
  },
});

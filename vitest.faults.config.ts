import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: slow fault tests against the running local stack (kill -9, database outages). */
export default defineConfig({
  test: {
    // DynamoDB Local is fetched once, before the files start their stacks (infra/local/dynamodb-local.ts).
    globalSetup: ['test/global-setup.ts'],
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    // Each file kills and restarts whole stacks: one at a time on two cores.
    maxWorkers: 1,
    fileParallelism: false,
    allowOnly: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A real Redis for the queue tests (test/setup/redis.ts: REDIS_URL, or a redis-server started here).
    globalSetup: ['test/setup/redis.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Solves are CPU-bound WASM in worker threads; two cores means two test files at a time.
    maxWorkers: 2,
  },
});

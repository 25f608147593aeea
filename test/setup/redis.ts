/**
 * vitest global setup: the Redis the queue tests use. REDIS_URL if set (.ci/run starts
 * redis-server and sets it); otherwise, outside CI, a redis-server started here on a free port if
 * the binary exists. When neither is possible the queue tests fail with the reason (they never
 * skip): under CI=true a missing REDIS_URL is a broken .ci/run.
 */
import type { TestProject } from 'vitest/node';
import { hasRedisServer, startRedisServer, type RedisServer } from '../helpers/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
    redisProblem: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: RedisServer | undefined;
  let url = process.env['REDIS_URL'] ?? null;
  let problem: string | null = null;
  if (!url) {
    if (process.env['CI'] === 'true')
      problem = 'REDIS_URL is not set under CI=true: .ci/run installs and starts redis-server and sets REDIS_URL; run the tests through .ci/run';
    else if (hasRedisServer()) {
      server = await startRedisServer();
      url = server.url;
    } else
      problem =
        'the queue tests need Redis: install redis-server (Debian: apt-get install -y redis-server) or set REDIS_URL=redis://host:port/db, or run .ci/run, which installs and starts it';
  }
  project.provide('redisUrl', url);
  project.provide('redisProblem', problem);
  return async () => {
    await server?.stop();
  };
}

/**
 * A worker shutting down puts the job it holds back in the queue at once, without counting a
 * failure, wherever the shutdown falls: one job run by processJob on a real Redis, with the
 * shutdown placed exactly where a SIGTERM can land (the SIGTERM test in queue.test.ts lands
 * there only by chance). The solves hang on purpose: only the shutdown can end them, so a missed
 * shutdown shows as the watchdog's failure instead of the job back in the queue.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { parseQueueConfig } from '../../src/queue/config.js';
import { jobKey, scenarioDigest } from '../../src/queue/keys.js';
import { processJob, type WorkerEvent } from '../../src/queue/process-job.js';
import { ATTEMPTS, RETRY_DELAY_SECONDS } from '../../src/queue/retries.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { base } from '../helpers/whatif-school.js';
import { redisUrl } from '../helpers/queue.js';

/** A one-second limit keeps the watchdog (2 × limit + 60 s) inside the test's timeout when a shutdown is missed. */
const OPTIONS = { seed: 3, timeLimitSeconds: 1 } as const;

afterAll(async () => {
  await shutdownSolverWorkers();
});

/**
 * Runs the one job of a fresh queue as a worker would, `shutdownAt` deciding when its worker
 * starts shutting down; returns how processJob ended, the events and the job afterwards.
 */
async function runWithShutdown(shutdownAt: 'before the job is handed over' | 'as the job starts') {
  const url = redisUrl();
  const name = `test-${randomUUID().slice(0, 8)}`;
  const queue = new Queue(name, { connection: { url } });
  const taker = new Worker(name, null, { connection: { url } });
  const redis = new Redis(url);
  try {
    const scenario = base();
    const key = jobKey(scenarioDigest(scenario), OPTIONS);
    await queue.add(
      'base',
      { format: 1, transport: 'inline', name: 'base', options: OPTIONS, scenario },
      { jobId: key, attempts: ATTEMPTS, backoff: { type: 'fixed', delay: RETRY_DELAY_SECONDS * 1000 } },
    );
    const token = randomUUID();
    // BullMQ documents getNextJob as resolving to undefined when no job is available; its type omits that.
    const job = (await taker.getNextJob(token)) as Job | undefined;
    if (!job) throw new Error('the test job was not handed over');
    const closing = new AbortController();
    const events: WorkerEvent[] = [];
    const onEvent = (e: WorkerEvent) => {
      events.push(e);
      if (shutdownAt === 'as the job starts' && e.kind === 'started') closing.abort();
    };
    if (shutdownAt === 'before the job is handed over') closing.abort();
    const ctx = {
      config: parseQueueConfig({ url, name }),
      redis,
      workerName: 'T',
      parallel: undefined,
      closing: closing.signal,
      onEvent,
      testCrash: 'hang' as const,
    };
    const ended = await processJob(job, token, ctx).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const after = await queue.getJob(key);
    return { ended, events, state: await after?.getState(), attemptsMade: after?.attemptsMade };
  } finally {
    await taker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  }
}

describe('a worker shutting down while it holds a job', () => {
  it('as the job starts (a SIGTERM during its first progress post): the solve stops and the job waits again, no failure counted', async () => {
    const { ended, events, state, attemptsMade } = await runWithShutdown('as the job starts');
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any) as any
    expect(ended).toEqual({ error: expect.any(WaitingError) });
    expect(events.map((e) => e.kind)).toEqual(['started']);
    expect(state).toBe('waiting');
    expect(attemptsMade).toBe(0);
  });

  it('before BullMQ handed the job over: the job waits again without being started', async () => {
    const { ended, events, state, attemptsMade } = await runWithShutdown('before the job is handed over');
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.any) as any
    expect(ended).toEqual({ error: expect.any(WaitingError) });
    expect(events).toEqual([]);
    expect(state).toBe('waiting');
    expect(attemptsMade).toBe(0);
  });
});

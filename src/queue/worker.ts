/**
 * A queue worker: takes solve jobs from BullMQ and runs each in its own variant worker thread.
 *
 * Locks and stalled jobs: BullMQ keeps a lock on each running job and renews it every half
 * `lockSeconds` from this process's main thread, which never solves (the solves run in worker
 * threads), so the lock does not need to outlast a solve: a multi-minute solve keeps it as long
 * as the process lives. When the process dies (kill -9, power, out of memory) the lock expires
 * after `lockSeconds`, and the next stalled-job check of any worker (every half `lockSeconds`)
 * puts the job back in the queue: another worker takes it within about 1.5 × `lockSeconds`.
 * A shorter lock finds dead workers sooner but takes a job from a worker whose main thread was
 * stalled that long (a paused VM, a saturated host); 60 s suits solves of minutes.
 */
import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { z } from 'zod';
import { VARIANT_TEST_CRASHES, type VariantTestCrash } from '../whatif/variant-messages.js';
import { InputError } from '../scenario/problems.js';
import { zodProblems } from '../scenario/parse.js';
import { displayUrl, queueConfigSchema } from './config.js';
import { openConnection } from './connection.js';
import { processJob, type WorkerEvent } from './process-job.js';
import { clearCancel } from './results.js';
import { ATTEMPTS, CANCELLED } from './retries.js';

export type { WorkerEvent } from './process-job.js';

/** Default lock duration (seconds): see the module comment. */
export const DEFAULT_LOCK_SECONDS = 60;

const workerOptionsSchema = z.strictObject({
  queue: queueConfigSchema,
  concurrency: z.number().int().positive().max(64).default(1),
  lockSeconds: z.number().positive().default(DEFAULT_LOCK_SECONDS),
  name: z.string().min(1).optional(),
});

export interface StartWorkerOptions {
  /** The queue (URL, name, shared storage folder as mounted on this machine). */
  readonly queue: z.input<typeof queueConfigSchema>;
  /** Solves at once in this process, each in its own thread (default 1; give each core one solve). */
  readonly concurrency?: number;
  /** Seconds a dead worker's job stays locked before another worker takes it (default 60). */
  readonly lockSeconds?: number;
  /** This worker's name in progress lines and results (default `hostname:pid`). */
  readonly name?: string;
  /** Called as jobs start, are reused, finish or fail. */
  readonly onEvent?: (event: WorkerEvent) => void;
  /** For tests only: every solve's variant worker crashes or hangs on purpose. */
  readonly testCrash?: VariantTestCrash;
}

/** A running worker. */
export interface QueueWorker {
  readonly name: string;
  /** Stops taking jobs; running solves are stopped and their jobs go back to the queue. */
  readonly close: () => Promise<void>;
}

/**
 * Starts a worker on the queue and resolves once it is connected and taking jobs.
 * @throws InputError for bad options (before connecting).
 */
export async function startWorker(options: StartWorkerOptions): Promise<QueueWorker> {
  const parsed = workerOptionsSchema.extend({ testCrash: z.enum(VARIANT_TEST_CRASHES).optional() }).safeParse({
    queue: options.queue,
    concurrency: options.concurrency,
    lockSeconds: options.lockSeconds,
    name: options.name,
    testCrash: options.testCrash,
  });
  if (!parsed.success) throw new InputError('worker options', zodProblems(parsed.error));
  const { testCrash, ...opts } = parsed.data;
  const config = opts.queue;
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const onEvent = options.onEvent ?? (() => undefined);
  const connection = openConnection(config, true);
  // ioredis retries for ever; the host is told once per new reason, and when the queue is back.
  let lastReason: string | null = null;
  connection.redis.on('error', (err: Error) => {
    if (err.message === lastReason) return;
    lastReason = err.message;
    onEvent({ kind: 'connection', message: `the queue at ${displayUrl(config.url)} does not answer (${err.message}); retrying` });
  });
  connection.redis.on('ready', () => {
    if (lastReason !== null) onEvent({ kind: 'connection', message: `connected to the queue at ${displayUrl(config.url)} again` });
    lastReason = null;
  });
  const closing = new AbortController();
  const worker = new Worker(
    config.name,
    (job: Job, token?: string) =>
      processJob(job, token, {
        config,
        redis: connection.redis,
        workerName: name,
        parallel: opts.concurrency > 1 ? 1 : undefined,
        closing: closing.signal,
        onEvent,
        testCrash,
      }),
    {
      connection: connection.redis,
      name,
      concurrency: opts.concurrency,
      lockDuration: opts.lockSeconds * 1000,
      stalledInterval: opts.lockSeconds * 500,
      maxStalledCount: ATTEMPTS - 1,
      maxStartedAttempts: ATTEMPTS,
    },
  );
  worker.on('failed', (job: Job | undefined, err: Error) => {
    if (!job?.id) return;
    const data: unknown = job.data;
    const jobName = typeof data === 'object' && data !== null && 'name' in data && typeof data.name === 'string' ? data.name : job.id;
    onEvent({ kind: 'failed', key: job.id, name: jobName, message: err.message });
    // Nobody will collect a cancelled job: delete it (and its flag) so no scenario stays in Redis.
    if (err.message === CANCELLED) {
      const id = job.id;
      job.remove().then(
        () => clearCancel(connection.redis, config.name, id),
        () => undefined,
      );
    }
  });
  // Connection errors are retried by ioredis; without a listener they would end the process.
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    name,
    close: async () => {
      closing.abort();
      await worker.close();
      await connection.redis.quit().catch(() => undefined);
    },
  };
}

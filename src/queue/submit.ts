/**
 * The submitting side: every scenario is checked, then enqueued as one BullMQ job whose id is the
 * hash of its content; the submitter polls its jobs' states (never an event stream, which a Redis
 * restart can lose), reports progress, collects each result as it is stored and then deletes the
 * job and the result from Redis (src/queue/submission.ts). A job the queue has lost (a Redis
 * restarted without persistence) is queued again; a queue that stays unreachable longer than the
 * patience ends the run with {@link QueueUnavailableError}. Aborting removes the jobs still
 * waiting, flags the running ones cancelled, and keeps the rows already finished.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Comparison, ComparisonRow } from '../whatif/rows.js';
import { NOT_STARTED } from '../whatif/interrupted.js';
import { buildJobs, type QueueJob } from './build-jobs.js';
import { displayUrl, parseQueueConfig, type QueueConfig, type QueueConfigInput } from './config.js';
import { openConnection } from './connection.js';
import { QueueUnavailableError } from './errors.js';
import { queueSolveOptionsSchema, type QueueSolveOptions } from './messages.js';
import { Submission, type JobEvent } from './submission.js';

export type { JobEvent } from './submission.js';

export interface QueueSubmitOptions {
  /** The queue: URL, name and shared storage folder as mounted on this machine. */
  readonly queue: QueueConfigInput;
  /** Per-scenario wall-clock limit in seconds (default: each scenario's policy). */
  readonly timeLimitSeconds?: number;
  /** Seed for every solve (default: each scenario's policy). */
  readonly seed?: number;
  readonly solver?: QueueSolveOptions['solver'];
  /** Aborting cancels the jobs not finished; finished rows are kept. */
  readonly signal?: AbortSignal;
  /** Called as each row arrives (in completion order). */
  readonly onRow?: (row: ComparisonRow, index: number) => void;
  readonly onEvent?: (event: JobEvent) => void;
  /** Seconds to wait for an unreachable queue, at the start or later, before giving up (default 120). */
  readonly patienceSeconds?: number;
}

/** Milliseconds between two looks at the jobs' states. */
const POLL_MS = 500;
const DEFAULT_PATIENCE_SECONDS = 120;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

function unavailable(config: QueueConfig, patience: number, reason: string | null): QueueUnavailableError {
  return new QueueUnavailableError(
    `the queue at ${displayUrl(config.url)} did not answer for ${patience} s${reason ? ` (${reason})` : ''}; no table was written.\n` +
      '    fix: start Redis or correct the address or password, then run the same command again: jobs still queued are picked up where they are, and results already stored are collected without solving again',
  );
}

/** Resolves once the connection is ready. @throws QueueUnavailableError after `patience` seconds. */
async function waitReady(redis: Redis, config: QueueConfig, patience: number, lastError: () => string | null): Promise<void> {
  if (redis.status === 'ready') return;
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, patience * 1000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) throw unavailable(config, patience, lastError());
}

/**
 * Solves every scenario on the queue's workers and returns the rows in the order given.
 * @throws InputError for bad options or scenarios (nothing enqueued); QueueUnavailableError when
 *   the queue cannot be reached for `patienceSeconds`.
 */
export async function solveOnQueue(jobs: readonly QueueJob[], options: QueueSubmitOptions): Promise<Comparison> {
  const config = parseQueueConfig(options.queue);
  const solveOptions = queueSolveOptionsSchema.parse({
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.solver !== undefined ? { solver: options.solver } : {}),
  });
  const entries = buildJobs(jobs, solveOptions, config);
  const patience = options.patienceSeconds ?? DEFAULT_PATIENCE_SECONDS;
  const emit = options.onEvent ?? (() => undefined);
  const aborted = () => options.signal?.aborted ?? false;
  const rows: Array<ComparisonRow | undefined> = jobs.map(() => undefined);

  const connection = openConnection(config, false);
  const { redis } = connection;
  const queue = new Queue(config.name, { connection: redis });
  queue.on('error', () => undefined);
  const submission = new Submission(
    queue,
    redis,
    config,
    jobs.map((j) => j.name),
    emit,
    (row, i) => {
      rows[i] = row;
      options.onRow?.(row, i);
    },
  );
  try {
    await waitReady(redis, config, patience, connection.lastError);
    for (const entry of entries) await submission.enqueue(entry, false);

    const pending = new Map(entries.map((e) => [e.key, e]));
    let lastContact = Date.now();
    let lost = false;
    while (pending.size > 0 && !aborted()) {
      if (redis.status !== 'ready') {
        if (!lost)
          emit({
            kind: 'queue-lost',
            message: `the queue at ${displayUrl(config.url)} does not answer${connection.lastError() === null ? '' : ` (${connection.lastError() ?? ''})`}; waiting up to ${patience} s`,
          });
        lost = true;
        if (Date.now() - lastContact > patience * 1000) throw unavailable(config, patience, connection.lastError());
      } else {
        try {
          for (const entry of [...pending.values()]) {
            if (aborted()) break;
            if (await submission.look(entry)) pending.delete(entry.key);
          }
          lastContact = Date.now();
          if (lost) emit({ kind: 'queue-back' });
          lost = false;
        } catch (err: unknown) {
          // A command that failed because the connection dropped: the loop waits for it to come back.
          // The status changes while the command waits; TypeScript's narrowing from the loop's test cannot see that.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
          if (redis.status === 'ready') throw err;
        }
      }
      await sleep(POLL_MS, options.signal);
    }
    if (aborted()) for (const entry of pending.values()) await submission.cancel(entry);
    return { rows: rows.map((r, i) => r ?? { name: jobs[i]!.name, status: 'interrupted', message: NOT_STARTED, metrics: null }), interrupted: aborted() };
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}

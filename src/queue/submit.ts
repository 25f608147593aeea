/**
 * The submitting side: every scenario is checked, then enqueued as one BullMQ job whose id is the
 * hash of its content; the submitter polls its jobs' states (never an event stream, which a Redis
 * restart can lose), reports progress, collects each result as it is stored and then deletes the
 * job and the result from Redis. A job the queue has lost (a Redis restarted without persistence)
 * is queued again; a queue that stays unreachable longer than the patience ends the run with
 * {@link QueueUnavailableError}. Aborting removes the jobs still waiting, flags the running ones
 * cancelled, and keeps the rows already finished.
 */
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SolveProgress } from '../engine/solve.js';
import { parseScenario } from '../scenario/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import type { Solution } from '../solution/schema.js';
import type { Comparison, ComparisonRow } from '../whatif/compare.js';
import { INTERRUPTED, NOT_STARTED } from '../whatif/interrupted.js';
import type { Variant } from '../whatif/variant.js';
import { displayUrl, parseQueueConfig, type QueueConfig, type QueueConfigInput } from './config.js';
import { openConnection } from './connection.js';
import { QueueUnavailableError } from './errors.js';
import { jobKey, scenarioDigest } from './keys.js';
import { jobDataSchema, jobProgressSchema, queueSolveOptionsSchema, type JobData, type JobResult, type QueueSolveOptions } from './messages.js';
import { cancelJob, clearCancel, deleteResult, readResult, RETENTION_SECONDS } from './results.js';
import { ATTEMPTS, failureMessage, RETRY_DELAY_SECONDS } from './retries.js';
import { loadSolution, scenarioPath, storeScenario } from './shared-storage.js';

/** What happens to the submitted jobs, for progress lines. `names`: the rows a job serves (identical scenarios share one job). */
export type JobEvent =
  | { readonly kind: 'queued'; readonly key: string; readonly names: readonly string[]; readonly again: boolean }
  | { readonly kind: 'running'; readonly key: string; readonly names: readonly string[]; readonly worker: string }
  | { readonly kind: 'progress'; readonly key: string; readonly names: readonly string[]; readonly worker: string; readonly progress: SolveProgress }
  | { readonly kind: 'done'; readonly key: string; readonly names: readonly string[]; readonly worker: string; readonly status: ComparisonRow['status'] }
  | { readonly kind: 'failed'; readonly key: string; readonly names: readonly string[]; readonly message: string }
  | { readonly kind: 'queue-lost'; readonly message: string }
  | { readonly kind: 'queue-back' };

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

interface Entry {
  readonly key: string;
  readonly data: JobData;
  /** Indices of the rows this job serves. */
  readonly rows: number[];
}

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

/**
 * Checks every scenario and builds its job; in shared storage mode writes the scenarios there.
 * @throws InputError listing every bad variant (by name) before anything is written or enqueued.
 */
function buildJobs(jobs: readonly Variant[], options: QueueSolveOptions, config: QueueConfig): Entry[] {
  const problems: InputProblem[] = [];
  const scenarios = jobs.map((job) => {
    try {
      return parseScenario(job.scenario, job.name);
    } catch (err: unknown) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, path: `${job.name} ${p.path}`.trim() })));
      return null;
    }
  });
  if (problems.length > 0) throw new InputError(jobs.filter((_, i) => scenarios[i] === null).map((j) => j.name).join(', '), problems);
  const byKey = new Map<string, Entry>();
  scenarios.forEach((scenario, i) => {
    if (!scenario) return;
    const name = jobs[i]!.name;
    const digest = config.sharedStorage ? storeScenario(config.sharedStorage, scenario) : scenarioDigest(scenario);
    const key = jobKey(digest, options);
    const known = byKey.get(key);
    if (known) {
      known.rows.push(i);
      return;
    }
    const data: JobData = config.sharedStorage
      ? { format: 1, transport: 'shared', name, options, scenarioFile: scenarioPath(digest), scenarioSha256: digest, students: scenario.students.length, courses: scenario.courses.length }
      : { format: 1, transport: 'inline', name, options, scenario };
    byKey.set(key, { key, data: jobDataSchema.parse(data), rows: [i] });
  });
  return [...byKey.values()];
}

/** Resolves once the connection is ready. @throws QueueUnavailableError after `patience` seconds. */
async function waitReady(redis: Redis, config: QueueConfig, patience: number, lastError: () => string | null): Promise<void> {
  if (redis.status === 'ready') return;
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), patience * 1000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) throw unavailable(config, patience, lastError());
}

function unavailable(config: QueueConfig, patience: number, reason: string | null): QueueUnavailableError {
  return new QueueUnavailableError(
    `the queue at ${displayUrl(config.url)} did not answer for ${patience} s${reason ? ` (${reason})` : ''}; no table was written.\n` +
      '    fix: start Redis or correct the address or password, then run the same command again: jobs still queued are picked up where they are, and results already stored are collected without solving again',
  );
}

/**
 * Solves every scenario on the queue's workers and returns the rows in the order given.
 * @throws InputError for bad options or scenarios (nothing enqueued); QueueUnavailableError when
 *   the queue cannot be reached for `patienceSeconds`.
 */
export async function solveOnQueue(jobs: readonly Variant[], options: QueueSubmitOptions): Promise<Comparison> {
  const config = parseQueueConfig(options.queue);
  const solveOptions = queueSolveOptionsSchema.parse({
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.solver !== undefined ? { solver: options.solver } : {}),
  });
  const entries = buildJobs(jobs, solveOptions, config);
  const patience = options.patienceSeconds ?? DEFAULT_PATIENCE_SECONDS;
  const emit = options.onEvent ?? (() => undefined);
  const names = (e: Entry) => e.rows.map((i) => jobs[i]!.name);
  const rows: Array<ComparisonRow | undefined> = new Array(jobs.length).fill(undefined);
  const aborted = () => options.signal?.aborted ?? false;

  const connection = openConnection(config, false);
  const { redis } = connection;
  const queue = new Queue(config.name, { connection: redis });
  queue.on('error', () => undefined);
  try {
    await waitReady(redis, config, patience, connection.lastError);

    const enqueue = async (entry: Entry, again: boolean) => {
      await clearCancel(redis, config.name, entry.key);
      const add = () =>
        queue.add(entry.data.name, entry.data, {
          jobId: entry.key,
          attempts: ATTEMPTS,
          backoff: { type: 'fixed', delay: RETRY_DELAY_SECONDS * 1000 },
          removeOnComplete: { age: RETENTION_SECONDS },
          removeOnFail: { age: RETENTION_SECONDS },
        });
      const job = await add();
      // A failure left from an earlier run that nobody collected: start afresh.
      if ((await job.getState()) === 'failed' && (await readResult(redis, config.name, entry.key)) === null) {
        await job.remove();
        await add();
      }
      emit({ kind: 'queued', key: entry.key, names: names(entry), again });
    };

    const finish = (entry: Entry, row: Omit<ComparisonRow, 'name'>) => {
      for (const i of entry.rows) {
        const named: ComparisonRow = { name: jobs[i]!.name, ...row };
        rows[i] = named;
        options.onRow?.(named, i);
      }
    };

    const collect = async (entry: Entry, result: JobResult, job: Job | undefined) => {
      let solution: Solution | undefined = result.solution;
      let failure: string | undefined;
      if (result.solutionFile) {
        try {
          if (!config.sharedStorage) throw new Error('the solution is in shared storage and no shared storage folder was given');
          solution = loadSolution(config.sharedStorage, result.solutionFile);
        } catch (err: unknown) {
          failure = err instanceof Error ? err.message : String(err);
        }
      }
      const { format: _f, key: _k, worker, solution: _s, solutionFile: _sf, ...fields } = result;
      const row: Omit<ComparisonRow, 'name'> = failure ? { status: 'failed', message: failure, metrics: null } : { ...(fields as Omit<ComparisonRow, 'name' | 'solution'>), ...(solution ? { solution } : {}) };
      finish(entry, row);
      emit({ kind: 'done', key: entry.key, names: names(entry), worker, status: row.status });
      // Collected: nothing of this job stays in Redis.
      await job?.remove().catch(() => undefined);
      await deleteResult(redis, config.name, entry.key);
    };

    for (const entry of entries) await enqueue(entry, false);

    const pending = new Map(entries.map((e) => [e.key, e]));
    const seen = new Map<string, string>();
    let lastContact = Date.now();
    let lost = false;
    while (pending.size > 0 && !aborted()) {
      if (redis.status !== 'ready') {
        if (!lost) emit({ kind: 'queue-lost', message: `the queue at ${displayUrl(config.url)} does not answer${connection.lastError() ? ` (${connection.lastError()})` : ''}; waiting up to ${patience} s` });
        lost = true;
        if (Date.now() - lastContact > patience * 1000) throw unavailable(config, patience, connection.lastError());
        await sleep(POLL_MS, options.signal);
        continue;
      }
      try {
        for (const entry of [...pending.values()]) {
          if (aborted()) break;
          // The state first, then the result: a worker stores the result before it completes the job.
          const job = (await queue.getJob(entry.key)) as Job | undefined;
          const state = job ? await job.getState() : 'missing';
          const result = await readResult(redis, config.name, entry.key);
          // A job still active is about to complete (or its worker died after storing): collected once it is not.
          if (result && state !== 'active') {
            pending.delete(entry.key);
            await collect(entry, result, job);
            continue;
          }
          if (!job) {
            // Lost by the queue (Redis restarted without persistence): the job is queued again.
            await enqueue(entry, true);
            continue;
          }
          if (state === 'failed') {
            pending.delete(entry.key);
            const message = failureMessage(job.failedReason);
            finish(entry, { status: 'failed', message, metrics: null });
            emit({ kind: 'failed', key: entry.key, names: names(entry), message });
            await job.remove().catch(() => undefined);
          } else if (state === 'completed') {
            // Completed jobs have a stored result (written before completion); one deleted under us is a failure to say.
            pending.delete(entry.key);
            const message = 'the job completed but its result is gone from the queue (collected by another submitter?)';
            finish(entry, { status: 'failed', message, metrics: null });
            emit({ kind: 'failed', key: entry.key, names: names(entry), message });
            await job.remove().catch(() => undefined);
          } else if (state === 'active' && !result) {
            const progress = jobProgressSchema.safeParse(job.progress);
            if (progress.success) {
              const { worker, solve } = progress.data;
              const mark = `${worker}|${solve ? `${solve.stage}|${solve.seconds}` : ''}`;
              if (seen.get(entry.key) !== mark) {
                if (!seen.get(entry.key)?.startsWith(`${worker}|`)) emit({ kind: 'running', key: entry.key, names: names(entry), worker });
                if (solve) emit({ kind: 'progress', key: entry.key, names: names(entry), worker, progress: solve as SolveProgress });
                seen.set(entry.key, mark);
              }
            }
          }
        }
        lastContact = Date.now();
        if (lost) emit({ kind: 'queue-back' });
        lost = false;
      } catch (err: unknown) {
        // A command that failed because the connection dropped: the loop above waits for it to come back.
        if (redis.status === 'ready') throw err;
      }
      await sleep(POLL_MS, options.signal);
    }

    if (aborted()) {
      for (const entry of pending.values()) {
        let stopped: string = INTERRUPTED;
        try {
          const result = await readResult(redis, config.name, entry.key);
          const job = (await queue.getJob(entry.key)) as Job | undefined;
          if (result) {
            await collect(entry, result, job);
            continue;
          }
          const state = job ? await job.getState() : 'unknown';
          if (job && state !== 'active') {
            await job.remove();
            stopped = NOT_STARTED;
          } else await cancelJob(redis, config.name, entry.key);
        } catch {
          // The job became active while being removed, or the queue is gone: flag it; a worker drops it.
          await cancelJob(redis, config.name, entry.key).catch(() => undefined);
        }
        finish(entry, { status: 'interrupted', message: stopped, metrics: null });
      }
    }
    return { rows: rows.map((r, i) => r ?? { name: jobs[i]!.name, status: 'interrupted', message: NOT_STARTED, metrics: null }), interrupted: aborted() };
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}

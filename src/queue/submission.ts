/**
 * One submission's jobs on the queue: adding them, one look at a job (its state first, then its
 * result: a worker stores the result before it completes the job), collecting a result (the rows
 * it serves, then the job and the result deleted from Redis), and cancelling.
 */
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SolveProgress } from '../engine/solve.js';
import type { Solution } from '../solution/schema.js';
import type { ComparisonRow } from '../whatif/rows.js';
import { INTERRUPTED, NOT_STARTED } from '../whatif/interrupted.js';
import type { Entry } from './build-jobs.js';
import type { QueueConfig } from './config.js';
import { jobProgressSchema, type JobResult } from './messages.js';
import { cancelJob, clearCancel, deleteResult, readResult, RETENTION_SECONDS } from './results.js';
import { ATTEMPTS, failureMessage, RETRY_DELAY_SECONDS } from './retries.js';
import { loadSolution } from './shared-storage.js';

/** What happens to the submitted jobs, for progress lines. `names`: the rows a job serves (identical scenarios share one job). */
export type JobEvent =
  | { readonly kind: 'queued'; readonly key: string; readonly names: readonly string[]; readonly again: boolean }
  | { readonly kind: 'running'; readonly key: string; readonly names: readonly string[]; readonly worker: string }
  | { readonly kind: 'progress'; readonly key: string; readonly names: readonly string[]; readonly worker: string; readonly progress: SolveProgress }
  | { readonly kind: 'done'; readonly key: string; readonly names: readonly string[]; readonly worker: string; readonly status: ComparisonRow['status'] }
  | { readonly kind: 'failed'; readonly key: string; readonly names: readonly string[]; readonly message: string }
  | { readonly kind: 'queue-lost'; readonly message: string }
  | { readonly kind: 'queue-back' };

type Row = Omit<ComparisonRow, 'name'>;

export class Submission {
  /** Per running job: the worker and the last progress reported, so that each line is printed once. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly queue: Queue,
    private readonly redis: Redis,
    private readonly config: QueueConfig,
    private readonly names: readonly string[],
    private readonly emit: (event: JobEvent) => void,
    private readonly onRow: (row: ComparisonRow, index: number) => void,
  ) {}

  private namesOf(entry: Entry): string[] {
    return entry.rows.map((i) => this.names[i]!);
  }

  /** Adds the job (a no-op when a job with its id is queued already); `again` when the queue had lost it. */
  async enqueue(entry: Entry, again: boolean): Promise<void> {
    await clearCancel(this.redis, this.config.name, entry.key);
    const add = () =>
      this.queue.add(entry.data.name, entry.data, {
        jobId: entry.key,
        attempts: ATTEMPTS,
        backoff: { type: 'fixed', delay: RETRY_DELAY_SECONDS * 1000 },
        removeOnComplete: { age: RETENTION_SECONDS },
        removeOnFail: { age: RETENTION_SECONDS },
      });
    const job = await add();
    // A failure left from an earlier run that nobody collected: start afresh.
    if ((await job.getState()) === 'failed' && (await readResult(this.redis, this.config.name, entry.key)) === null) {
      await job.remove();
      await add();
    }
    this.emit({ kind: 'queued', key: entry.key, names: this.namesOf(entry), again });
  }

  /** Gives the row to every name the job serves. */
  finish(entry: Entry, row: Row): void {
    for (const i of entry.rows) this.onRow({ name: this.names[i]!, ...row }, i);
  }

  private async collect(entry: Entry, result: JobResult, job: Job | undefined): Promise<void> {
    let solution: Solution | undefined = result.solution;
    let failure: string | undefined;
    if (result.solutionFile) {
      try {
        if (!this.config.sharedStorage) throw new Error('the solution is in shared storage and no shared storage folder was given');
        solution = loadSolution(this.config.sharedStorage, result.solutionFile);
      } catch (err: unknown) {
        failure = err instanceof Error ? err.message : String(err);
      }
    }
    const { format: _f, key: _k, worker, solution: _s, solutionFile: _sf, ...fields } = result;
    const row: Row = failure
      ? { status: 'failed', message: failure, metrics: null }
      : { ...(fields as Omit<Row, 'solution'>), ...(solution ? { solution } : {}) };
    this.finish(entry, row);
    this.emit({ kind: 'done', key: entry.key, names: this.namesOf(entry), worker, status: row.status });
    // Collected: nothing of this job stays in Redis.
    await job?.remove().catch(() => undefined);
    await deleteResult(this.redis, this.config.name, entry.key);
  }

  private fail(entry: Entry, message: string, job: Job): Promise<void> {
    this.finish(entry, { status: 'failed', message, metrics: null });
    this.emit({ kind: 'failed', key: entry.key, names: this.namesOf(entry), message });
    return job.remove().catch(() => undefined);
  }

  /** One look at a job. @returns true once its rows are final. */
  async look(entry: Entry): Promise<boolean> {
    const job = (await this.queue.getJob(entry.key)) as Job | undefined;
    const state = job ? await job.getState() : 'missing';
    const result = await readResult(this.redis, this.config.name, entry.key);
    // A job still active is about to complete (or its worker died after storing): collected once it is not.
    if (result && state !== 'active') {
      await this.collect(entry, result, job);
      return true;
    }
    if (!job) {
      // Lost by the queue (Redis restarted without persistence): queued again.
      await this.enqueue(entry, true);
      return false;
    }
    if (state === 'failed') {
      await this.fail(entry, failureMessage(job.failedReason), job);
      return true;
    }
    if (state === 'completed') {
      // Completed jobs have a stored result (written before completion); one deleted under us is a failure to say.
      await this.fail(entry, 'the job completed but its result is gone from the queue (collected by another submitter?)', job);
      return true;
    }
    if (state === 'active' && !result) this.report(entry, job);
    return false;
  }

  /** Progress lines of a running job: who runs it, then its figures as they change. */
  private report(entry: Entry, job: Job): void {
    const progress = jobProgressSchema.safeParse(job.progress);
    if (!progress.success) return;
    const { worker, solve } = progress.data;
    const mark = `${worker}|${solve ? `${solve.stage}|${solve.seconds}` : ''}`;
    const before = this.seen.get(entry.key);
    if (before === mark) return;
    if (!before?.startsWith(`${worker}|`)) this.emit({ kind: 'running', key: entry.key, names: this.namesOf(entry), worker });
    if (solve) this.emit({ kind: 'progress', key: entry.key, names: this.namesOf(entry), worker, progress: solve as SolveProgress });
    this.seen.set(entry.key, mark);
  }

  /**
   * After an abort: a finished job is collected; one still waiting is removed (`not started`);
   * one running is flagged cancelled (its worker stops it, or the next worker drops it).
   */
  async cancel(entry: Entry): Promise<void> {
    let stopped = INTERRUPTED;
    try {
      const job = (await this.queue.getJob(entry.key)) as Job | undefined;
      const state = job ? await job.getState() : 'missing';
      const result = await readResult(this.redis, this.config.name, entry.key);
      if (result && state !== 'active') {
        await this.collect(entry, result, job);
        return;
      }
      if (job && state !== 'active') {
        await job.remove();
        stopped = NOT_STARTED;
      } else await cancelJob(this.redis, this.config.name, entry.key);
    } catch {
      // The job became active while being removed, or the queue is gone: flag it; a worker drops it.
      await cancelJob(this.redis, this.config.name, entry.key).catch(() => undefined);
    }
    this.finish(entry, { status: 'interrupted', message: stopped, metrics: null });
  }
}

/**
 * A pool of variant worker threads, each running whole engine solves one at a time. Every
 * pending answer is raced against its worker's crash, a watchdog and the abort signal, so no
 * task can hang the pool; a worker that crashed or was stopped is replaced for the next task.
 */
import { spawnWorkerThread, type WorkerFailure, type WorkerThread } from '../../solver/worker-thread.js';
import type { SolveOutcome, SolveProgress } from '../engine/solve.js';
import type { Scenario } from '../scenario/schema.js';
import { readVariantReply, type VariantJob, type VariantSolveOptions, type VariantTestCrash } from './variant-messages.js';

/** One scenario to solve in a variant worker. */
export interface PoolTask {
  readonly scenario: Scenario;
  readonly options: VariantSolveOptions;
  /** Seconds after which a worker that has not answered is stopped and the task fails. */
  readonly watchdogSeconds: number;
  /** For tests only: make this task's worker crash on purpose. */
  readonly testCrash?: VariantTestCrash;
  /** Called with the solve's progress while it runs (the worker posts it only when this is given). */
  readonly onProgress?: (progress: SolveProgress) => void;
}

/**
 * How a task ended: the solve's outcome; `failed` with the reason (the solve threw, the worker
 * crashed or exited, or the watchdog stopped it); or `interrupted` by the abort signal, `started`
 * telling whether its solve had begun.
 */
export type PoolResult =
  | { readonly kind: 'outcome'; readonly outcome: SolveOutcome }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'interrupted'; readonly started: boolean };

export interface PoolOptions {
  /** Worker threads at once (at least 1, at most the number of tasks). */
  readonly size: number;
  /** Aborting terminates every running worker; results already in are kept. */
  readonly signal?: AbortSignal;
  /** Called as each started task ends, in completion order. */
  readonly onResult?: (result: PoolResult, index: number) => void;
}

/** What a variant worker's failure means to its task, in the row's words. */
function failureMessage(failure: WorkerFailure): string {
  switch (failure.kind) {
    case 'error':
      return `the variant worker crashed: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`;
    case 'messageerror':
      return `the variant worker sent a message that could not be read: ${failure.error.message}`;
    case 'exit':
      return `the variant worker exited with code ${failure.code} before the solve finished`;
  }
}

function spawnVariantWorker(): WorkerThread {
  return spawnWorkerThread(new URL('./variant-worker.js', import.meta.url));
}

/** Runs one task on a worker; resolves (never rejects) with the first of answer, crash, watchdog or abort. */
async function runOnWorker(handle: WorkerThread, task: PoolTask, jobId: number, signal: AbortSignal | undefined): Promise<PoolResult> {
  const cleanups: Array<() => void> = [];
  let answered = false;
  const answer = new Promise<PoolResult>((resolve) => {
    const onMessage = (raw: unknown) => {
      const reply = readVariantReply(raw);
      if (reply.type === 'invalid') {
        resolve({ kind: 'failed', message: `the variant worker answered with an invalid message: ${reply.message}` });
        return;
      }
      if (reply.jobId !== jobId) return;
      if (reply.type === 'progress') {
        task.onProgress?.(reply.progress);
        return;
      }
      answered = true;
      resolve(reply.type === 'outcome' ? { kind: 'outcome', outcome: reply.outcome } : { kind: 'failed', message: reply.message });
    };
    cleanups.push(handle.onMessage(onMessage));
  });
  // A listener removed with the task's cleanups: a callback chained on the thread's failure promise would hold this task until the thread dies.
  const crashed = new Promise<PoolResult>((resolve) => {
    cleanups.push(
      handle.onFailure((failure) => {
        resolve({ kind: 'failed', message: failureMessage(failure) });
      }),
    );
  });
  const watchdog = new Promise<PoolResult>((resolve) => {
    const timer = setTimeout(() => {
      resolve({ kind: 'failed', message: `no answer ${task.watchdogSeconds} s after the start; the variant worker was stopped` });
    }, task.watchdogSeconds * 1000);
    cleanups.push(() => {
      clearTimeout(timer);
    });
  });
  const aborted = new Promise<PoolResult>((resolve) => {
    const onAbort = () => {
      resolve({ kind: 'interrupted', started: true });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal?.removeEventListener('abort', onAbort));
  });
  const job: VariantJob = {
    type: 'solve',
    jobId,
    scenario: task.scenario,
    options: task.options,
    ...(task.onProgress ? { progress: true } : {}),
    ...(task.testCrash ? { testCrash: task.testCrash } : {}),
  };
  let result: PoolResult;
  try {
    handle.worker.postMessage(job);
    result = await Promise.race([answer, crashed, watchdog, aborted]);
  } catch (err: unknown) {
    // The job could not be copied to the thread (e.g. a value structured clone refuses).
    result = { kind: 'failed', message: `the scenario could not be sent to a variant worker: ${err instanceof Error ? err.message : String(err)}` };
  }
  for (const c of cleanups) c();
  // A worker that has not answered (watchdog, abort, unreadable reply) must not take another task.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- false positive: TypeScript keeps `answered` at its initial `false` and misses the assignment in the message callback above (microsoft/TypeScript#9998)
  if (!answered && !handle.dead) await handle.terminate();
  return result;
}

/**
 * Solves each task in a pool of `size` variant worker threads and returns the results in task
 * order. It never rejects: a task whose solve throws or whose worker crashes fails alone (the
 * worker is replaced and the pool goes on); after an abort, every running worker is terminated and
 * the tasks not yet finished are `interrupted`. Every worker is terminated before it returns.
 */
export async function runVariantPool(tasks: readonly PoolTask[], options: PoolOptions): Promise<PoolResult[]> {
  const results = new Array<PoolResult | undefined>(tasks.length).fill(undefined);
  const size = Math.max(1, Math.min(tasks.length, Math.floor(options.size)));
  let next = 0;
  const slot = async () => {
    let handle: WorkerThread | undefined;
    try {
      for (;;) {
        const i = next++;
        const task = tasks[i];
        if (!task) return;
        if (options.signal?.aborted) {
          results[i] = { kind: 'interrupted', started: false };
          continue;
        }
        if (!handle || handle.dead) handle = spawnVariantWorker();
        const result = await runOnWorker(handle, task, i, options.signal);
        results[i] = result;
        options.onResult?.(result, i);
      }
    } finally {
      if (handle && !handle.dead) await handle.terminate();
    }
  };
  await Promise.all(Array.from({ length: size }, slot));
  return results.map((r) => r ?? { kind: 'interrupted', started: false });
}

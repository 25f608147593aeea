/**
 * What a worker does with one job: check it (zod, and that its id is the hash of its content),
 * return at once if a result is stored already, solve it in its own variant worker thread while
 * posting progress and watching for a cancel, and store the result once. Bad jobs fail without
 * retries (BullMQ `UnrecoverableError`); a crashed thread fails the try and BullMQ retries it.
 */
import type { Job } from 'bullmq';
import { UnrecoverableError, WaitingError } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import type { SolveProgress } from '../engine/solve.js';
import { solveSettings } from '../engine/settings.js';
import { InputError } from '../scenario/problems.js';
import { rowOf } from '../whatif/rows.js';
import { runVariantPool } from '../whatif/pool.js';
import type { VariantTestCrash } from '../whatif/variant-messages.js';
import type { QueueConfig } from './config.js';
import { jobKey, scenarioDigest } from './keys.js';
import { jobDataSchema, type JobData, type JobProgress, type JobResult, type QueueSolveOptions } from './messages.js';
import { isCancelled, readResult, storeResult } from './results.js';
import { CANCELLED } from './retries.js';
import { loadScenario, loadStart, storeSolution } from './shared-storage.js';

/** What a worker tells its host about the jobs it runs. */
export type WorkerEvent =
  | { readonly kind: 'started'; readonly key: string; readonly name: string }
  | { readonly kind: 'reused'; readonly key: string; readonly name: string }
  | { readonly kind: 'finished'; readonly key: string; readonly name: string; readonly status: JobResult['status'] }
  | { readonly kind: 'failed'; readonly key: string; readonly name: string; readonly message: string }
  /** The connection to the queue was lost (with the reason) or is back. */
  | { readonly kind: 'connection'; readonly message: string };

export interface JobContext {
  readonly config: QueueConfig;
  /** A connection for the result store and the cancel flags. */
  readonly redis: Redis;
  readonly workerName: string;
  /** Solver workers per solve (1 when the worker runs several solves at once). */
  readonly parallel: number | undefined;
  /** Aborted when the worker shuts down: running solves stop and their jobs go back to the queue. */
  readonly closing: AbortSignal;
  readonly onEvent: (event: WorkerEvent) => void;
  readonly testCrash: VariantTestCrash | undefined;
}

/** Seconds between checks of a running job's cancel flag. */
const CANCEL_CHECK_SECONDS = 1;
/** Seconds between progress posts of one job (a change of stage is posted at once). */
const PROGRESS_EVERY_SECONDS = 2;

const zodMessage = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
    .join('; ');

/**
 * The job's scenario, read and checked, and its solve options with the start schedule (read from
 * shared storage when it is there). @throws UnrecoverableError saying why it cannot be used.
 */
function scenarioOf(data: JobData, config: QueueConfig): { scenario: Scenario; digest: string; options: QueueSolveOptions } {
  let scenario: Scenario;
  let digest: string;
  try {
    if (data.transport === 'inline') {
      scenario = parseScenario(data.scenario, `the scenario of job ${data.name}`);
      return { scenario, digest: scenarioDigest(scenario), options: data.options };
    }
    if (!config.sharedStorage)
      throw new Error('its scenario is in shared storage and this worker was started without a shared storage folder (--shared-storage DIR)');
    scenario = loadScenario(config.sharedStorage, data.scenarioFile, data.scenarioSha256);
    digest = data.scenarioSha256;
  } catch (err: unknown) {
    throw new UnrecoverableError(`bad scenario: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (data.startFile === undefined || data.startSha256 === undefined) return { scenario, digest, options: data.options };
  try {
    return { scenario, digest, options: { ...data.options, start: loadStart(config.sharedStorage, data.startFile, data.startSha256) } };
  } catch (err: unknown) {
    throw new UnrecoverableError(`bad start schedule: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A throttle for a job's progress posts. */
function progressPoster(job: Job, workerName: string): (p: SolveProgress) => void {
  let lastAt = -Infinity;
  let lastStage = '';
  return (p) => {
    if (p.stage === lastStage && p.seconds - lastAt < PROGRESS_EVERY_SECONDS) return;
    lastAt = p.seconds;
    lastStage = p.stage;
    const progress: JobProgress = { worker: workerName, solve: p };
    // Progress is information: a post lost to a dropped connection is not worth failing the solve.
    job.updateProgress(progress).catch(() => undefined);
  };
}

/**
 * Puts a job this worker holds back in the queue for another worker, without counting a failure
 * (the worker is shutting down). @throws WaitingError always: it tells BullMQ the job has moved.
 */
async function putBack(job: Job, token: string | undefined): Promise<never> {
  await job.moveToWait(token);
  throw new WaitingError();
}

/**
 * Runs one job. Returns the job key once its result is stored (by this call or an earlier try).
 * @throws UnrecoverableError for a job that cannot be solved (bad data or scenario, cancelled);
 *   Error when its variant worker crashed or did not answer (BullMQ retries it);
 *   WaitingError after putting the job back in the queue because the worker is shutting down.
 */
export async function processJob(job: Job, token: string | undefined, ctx: JobContext): Promise<string> {
  const parsed = jobDataSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid job: ${zodMessage(parsed.error.issues)}`);
  const data = parsed.data;
  const key = job.id ?? '';
  const queue = ctx.config.name;
  if (await isCancelled(ctx.redis, queue, key)) throw new UnrecoverableError(CANCELLED);
  if (await readResult(ctx.redis, queue, key)) {
    ctx.onEvent({ kind: 'reused', key, name: data.name });
    return key;
  }
  const { scenario, digest, options } = scenarioOf(data, ctx.config);
  if (jobKey(digest, options) !== key) throw new UnrecoverableError(`invalid job: its id ${key} is not the hash of its scenario and options`);
  // Options the solve would refuse (a start schedule that breaks a rule, a solver not installed here) fail the job once, without retries.
  try {
    const { timeLimitSeconds, seed, solver, start } = options;
    solveSettings(scenario, {
      ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(solver !== undefined ? { solver } : {}),
      ...(start !== undefined ? { start } : {}),
    });
  } catch (err: unknown) {
    if (err instanceof InputError) throw new UnrecoverableError(`bad job: ${err.message}`);
    throw err;
  }

  // An abort listener added to a signal already aborted is never called: a shutdown that began
  // during the awaits above (or before BullMQ handed the job over) is seen here, and the listener
  // is added in the same synchronous stretch, so no shutdown falls between the two.
  if (ctx.closing.aborted) return putBack(job, token);
  const stop = new AbortController();
  const onClosing = () => {
    stop.abort();
  };
  ctx.closing.addEventListener('abort', onClosing, { once: true });
  let cancelled = false;
  const watch = setInterval(() => {
    isCancelled(ctx.redis, queue, key).then(
      (yes) => {
        if (yes) {
          cancelled = true;
          stop.abort();
        }
      },
      () => undefined,
    );
  }, CANCEL_CHECK_SECONDS * 1000);
  const limit = options.timeLimitSeconds ?? scenario.policy.timeLimitSeconds;
  let outcome;
  try {
    ctx.onEvent({ kind: 'started', key, name: data.name });
    await job.updateProgress({ worker: ctx.workerName, solve: null } satisfies JobProgress);
    [outcome] = await runVariantPool(
      [
        {
          scenario,
          options: { ...options, ...(ctx.parallel !== undefined ? { parallel: ctx.parallel } : {}) },
          watchdogSeconds: 2 * limit + 60,
          onProgress: progressPoster(job, ctx.workerName),
          ...(ctx.testCrash ? { testCrash: ctx.testCrash } : {}),
        },
      ],
      { size: 1, signal: stop.signal },
    );
  } finally {
    clearInterval(watch);
    ctx.closing.removeEventListener('abort', onClosing);
  }
  // A stop (cancel or shutdown) terminates the variant worker, which may then read as failed: the stop decides.
  if (stop.signal.aborted && outcome?.kind !== 'outcome') {
    // `cancelled` is set by the cancel listener while the pool runs; TypeScript's narrowing cannot see that.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (cancelled) throw new UnrecoverableError(CANCELLED);
    return putBack(job, token);
  }
  if (!outcome || outcome.kind !== 'outcome') throw new Error(outcome?.kind === 'failed' ? outcome.message : 'the solve ended without a result');
  const { name: _name, solution, ...row } = rowOf(data.name, scenario, outcome.outcome, false);
  const shared = ctx.config.sharedStorage;
  const result: JobResult = {
    format: 1,
    key,
    worker: ctx.workerName,
    ...row,
    ...(solution ? (shared ? { solutionFile: storeSolution(shared, key, solution) } : { solution }) : {}),
  };
  await storeResult(ctx.redis, queue, result);
  ctx.onEvent({ kind: 'finished', key, name: data.name, status: result.status });
  return key;
}

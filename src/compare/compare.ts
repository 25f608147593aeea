/**
 * Solving a base scenario and its variants side by side: each scenario's whole engine solve runs
 * in its own variant worker thread, at most `concurrency` at once (default: the machine's cores).
 * A variant whose solve throws or whose worker crashes becomes a `failed` row and the others go
 * on; aborting terminates every running worker and keeps the rows already finished.
 */
import { availableParallelism } from 'node:os';
import type { SolveOptions, SolveOutcome } from '../engine/solve.js';
import type { Scenario, SolverName } from '../scenario/schema.js';
import type { Variant } from '../whatif/variant.js';
import { runVariantPool, type PoolResult, type PoolTask } from '../whatif/pool.js';
import { variantSolveOptionsSchema, type VariantSolveOptions, type VariantTestCrash } from '../whatif/variant-messages.js';
import { INTERRUPTED, NOT_STARTED } from '../whatif/interrupted.js';
import { rowOf, type Comparison, type ComparisonRow } from '../whatif/rows.js';
import type { QueueConfigInput } from '../queue/config.js';
import type { JobEvent } from '../queue/submit.js';
import type { QueueJob as Job } from '../queue/build-jobs.js';
import { z } from 'zod';
import { LIMITS } from '../scenario/limits.js';
import { requireScenario } from '../scenario/parse.js';
import { gather, InputError, problemsFromZod } from '../scenario/problems.js';
import { check } from '../checker/index.js';
import type { Schedule } from '../loading/schedule.js';

export interface CompareOptions {
  /** Per-scenario wall-clock limit in seconds (default: each scenario's policy). */
  readonly timeLimitSeconds?: number;
  /** Seed for every solve (default: each scenario's policy). */
  readonly seed?: number;
  readonly solver?: SolverName;
  /** Solves running at once (default: `os.availableParallelism()`). */
  readonly concurrency?: number;
  /** Aborting stops every running solve (its worker is terminated); finished rows are kept. */
  readonly signal?: AbortSignal;
  /** Called as each row finishes (in completion order). */
  readonly onRow?: (row: ComparisonRow, index: number) => void;
  /**
   * The solve to run for each scenario, in this thread, instead of the engine's `solve` in variant
   * workers; lets tests and embedders wrap it. Its exceptions are contained in the row.
   */
  readonly solveScenario?: (scenario: Scenario, options: SolveOptions, name: string) => Promise<SolveOutcome>;
  /**
   * For tests only: variants, by name, whose worker crashes on purpose (`exit`: exit code 3,
   * `throw`: an uncaught error, `hang`: blocks until the watchdog stops it). Ignored with
   * `solveScenario`.
   */
  readonly testCrash?: Readonly<Record<string, VariantTestCrash>>;
  /**
   * Seconds after a solve's start at which its worker, if it has not answered, is stopped and the
   * row fails (default: twice the solve's time limit plus 60 s, room for a solve that overruns).
   */
  readonly watchdogSeconds?: number;
  /**
   * Solve on the workers of a BullMQ queue on Redis instead of this machine's threads (see
   * `startWorker`): one job per distinct scenario, the same rows as a local run with the same
   * seeds. `concurrency`, `solveScenario`, `testCrash` and `watchdogSeconds` are the workers'
   * business and ignored here.
   */
  readonly queue?: QueueConfigInput;
  /** With `queue`: each job's progress (queued, running on which worker, incumbent and bound, done or failed). */
  readonly onJobEvent?: (event: JobEvent) => void;
  /** With `queue`: seconds to wait for an unreachable queue before giving up (default 120). */
  readonly queuePatienceSeconds?: number;
}

/** The row of a variant worker's result. */
function rowOfPoolResult(job: Variant, result: PoolResult, aborted: boolean): ComparisonRow {
  if (result.kind === 'outcome') return rowOf(job.name, job.scenario, result.outcome, aborted);
  if (result.kind === 'failed') return { name: job.name, status: 'failed', message: result.message, metrics: null };
  return { name: job.name, status: 'interrupted', message: result.started ? INTERRUPTED : NOT_STARTED, metrics: null };
}

/**
 * Solves the base and every variant and returns their figures side by side (base first). Each
 * solve runs in a variant worker thread of a pool of `concurrency`; with more than one at once,
 * each solve keeps one solver worker busy (`parallel: 1`) so the pool does not oversubscribe the
 * cores. Same scenarios, options and seed give the same rows, whatever order the solves finish in.
 * The base is solved first, then the variants: a variant for which the checker finds the base's
 * schedule valid (one that only relaxes rules: common planning dropped, a teacher or a room
 * added) starts from that schedule (`SolveOptions.start`), so its row is never worse than the
 * base's schedule in the strategy's tiers.
 * With `queue`, the solves run on the workers of that BullMQ queue instead (`src/queue/`), the
 * base's job first and then the variants' jobs, which carry that start too (it enters their ids).
 * @throws InputError for a bad scenario or option, before anything is solved or enqueued;
 *   QueueUnavailableError when the queue cannot be reached for `queuePatienceSeconds`.
 */
export async function compareScenarios(base: Scenario, variants: readonly Variant[], options: CompareOptions = {}): Promise<Comparison> {
  const all = [{ name: 'base', scenario: base }, ...variants];
  checkScenarioInputs(all, options);
  // The base first: a variant where its schedule is still valid (one that only relaxes rules)
  // starts from it, so its row never shows the relaxation costing what the base reached.
  const first = await solveChecked([all[0]!], options);
  const baseRow = first.rows[0]!;
  if (options.signal?.aborted) {
    const rows = variants.map((v): ComparisonRow => ({ name: v.name, status: 'interrupted', message: NOT_STARTED, metrics: null }));
    return { rows: [baseRow, ...rows], interrupted: true };
  }
  const start = baseRow.solution ? { sections: baseRow.solution.sections, enrollments: baseRow.solution.enrollments } : undefined;
  const onRow = options.onRow;
  const rest = await solveChecked(
    variants.map((v) => (start && validFor(v.scenario, start) ? { ...v, start } : v)),
    {
      ...options,
      ...(onRow
        ? {
            onRow: (row: ComparisonRow, i: number) => {
              onRow(row, i + 1);
            },
          }
        : {}),
    },
  );
  return { rows: [baseRow, ...rest.rows], interrupted: first.interrupted || rest.interrupted };
}

/** Whether the checker finds a schedule valid for a scenario (ids it does not know make it invalid). */
function validFor(scenario: Scenario, schedule: Schedule): boolean {
  try {
    return check(scenario, schedule).valid;
  } catch (err: unknown) {
    if (err instanceof InputError) return false;
    throw err;
  }
}

/**
 * Solves each scenario (named, in the order given) as {@link compareScenarios} does, without a
 * base: the rows of a batch of schools. With `queue`, on the queue's workers.
 * @throws InputError for a bad scenario or option, before anything is solved or enqueued;
 *   QueueUnavailableError when the queue cannot be reached.
 */
export async function solveScenarios(jobs: readonly Variant[], options: CompareOptions = {}): Promise<Comparison> {
  checkScenarioInputs(jobs, options);
  return solveChecked(jobs, options);
}

/** {@link solveScenarios} once the inputs are checked, each job's solve starting from its `start`: on the queue or on this machine. */
async function solveChecked(jobs: readonly Job[], options: CompareOptions): Promise<Comparison> {
  if (!options.queue) return solveJobs(jobs, options);
  // Loaded only when asked for: BullMQ and ioredis add a third of a second to every start.
  const { solveOnQueue } = await import('../queue/submit.js');
  return solveOnQueue(jobs, {
    queue: options.queue,
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.solver !== undefined ? { solver: options.solver } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRow ? { onRow: options.onRow } : {}),
    ...(options.onJobEvent ? { onEvent: options.onJobEvent } : {}),
    ...(options.queuePatienceSeconds !== undefined ? { patienceSeconds: options.queuePatienceSeconds } : {}),
  });
}

/** {@link solveScenarios} on this machine, its inputs checked; each job's solve starts from its `start`. */
async function solveJobs(jobs: readonly Job[], options: CompareOptions): Promise<Comparison> {
  const concurrency = Math.max(1, Math.min(jobs.length, Math.floor(options.concurrency ?? availableParallelism())));
  if (options.solveScenario) return compareInThread(jobs, concurrency, options.solveScenario, options);
  const solveOptions: VariantSolveOptions = {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.solver !== undefined ? { solver: options.solver } : {}),
    ...(concurrency > 1 ? { parallel: 1 } : {}),
  };
  const tasks: PoolTask[] = jobs.map((job) => {
    const crash = options.testCrash && Object.hasOwn(options.testCrash, job.name) ? options.testCrash[job.name] : undefined;
    const limit = options.timeLimitSeconds ?? job.scenario.policy.timeLimitSeconds;
    return {
      scenario: job.scenario,
      options: { ...solveOptions, ...(job.start ? { start: job.start } : {}) },
      watchdogSeconds: options.watchdogSeconds ?? 2 * limit + 60,
      ...(crash ? { testCrash: crash } : {}),
    };
  });
  const aborted = () => options.signal?.aborted ?? false;
  // Each row is made once, as its task ends, so the row passed to onRow is the row returned.
  const rows = new Array<ComparisonRow | undefined>(jobs.length).fill(undefined);
  const results = await runVariantPool(tasks, {
    size: concurrency,
    ...(options.signal ? { signal: options.signal } : {}),
    onResult: (result, i) => {
      const row = rowOfPoolResult(jobs[i]!, result, aborted());
      rows[i] = row;
      options.onRow?.(row, i);
    },
  });
  return { rows: results.map((r, i) => rows[i] ?? rowOfPoolResult(jobs[i]!, r, aborted())), interrupted: aborted() };
}

/** The comparison with a caller's solve, run as concurrent calls in this thread. */
async function compareInThread(
  jobs: readonly Job[],
  concurrency: number,
  run: NonNullable<CompareOptions['solveScenario']>,
  options: CompareOptions,
): Promise<Comparison> {
  const rows = new Array<ComparisonRow | undefined>(jobs.length).fill(undefined);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const job = jobs[i];
      if (!job) return;
      if (options.signal?.aborted) {
        rows[i] = { name: job.name, status: 'interrupted', message: NOT_STARTED, metrics: null };
        continue;
      }
      const solveOptions: SolveOptions = {
        ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.solver !== undefined ? { solver: options.solver } : {}),
        ...(concurrency > 1 ? { parallel: 1 } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(job.start ? { start: job.start } : {}),
      };
      let row: ComparisonRow;
      try {
        row = rowOf(job.name, job.scenario, await run(job.scenario, solveOptions, job.name), options.signal?.aborted ?? false);
      } catch (err: unknown) {
        row = { name: job.name, status: 'failed', message: err instanceof Error ? err.message : String(err), metrics: null };
      }
      rows[i] = row;
      options.onRow?.(row, i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    rows: rows.map((r, i) => r ?? { name: jobs[i]?.name ?? '?', status: 'interrupted', message: NOT_STARTED, metrics: null }),
    interrupted: options.signal?.aborted ?? false,
  };
}

const compareOptionsSchema = variantSolveOptionsSchema.omit({ parallel: true, start: true }).extend({
  concurrency: z.number().int().min(1).max(256).optional(),
  watchdogSeconds: z
    .number()
    .positive()
    .max(2 * LIMITS.maxTimeLimitSeconds)
    .optional(),
});

/** The library's boundary: every scenario and the numeric options, checked before any solve. @throws {@link InputError} */
function checkScenarioInputs(jobs: readonly Variant[], options: CompareOptions): void {
  const { timeLimitSeconds, seed, solver, concurrency, watchdogSeconds } = options;
  gather(...jobs.map((v) => () => requireScenario(v.scenario, v.name)), () => {
    const checked = compareOptionsSchema.safeParse({ timeLimitSeconds, seed, solver, concurrency, watchdogSeconds });
    if (!checked.success) throw new InputError('<options>', problemsFromZod(checked.error, 'see CompareOptions'));
  });
}

/**
 * Solving from the main thread: every solve runs in a worker thread, the wall-clock limit is
 * enforced twice (solver option and worker deadline), incumbents are kept as they stream in, and
 * a crash, a WASM abort or Ctrl-C ends in a {@link MipResult} rather than a hung promise.
 */
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { MipProgress, MipResult, MipTermination } from './backend.js';
import { backendCapabilities, type BackendName } from './backends/index.js';
import { checkFeasibility, objectiveValue } from './feasibility.js';
import { modelSize, type MipModel } from './mip.js';
import { workerEventSchema, type Job, type TestCrash, type WorkerReply } from './protocol.js';
import { acquireWorker, discardWorker, releaseWorker, type WorkerFailure } from './worker-pool.js';

export interface SolveMipOptions {
  readonly backend: BackendName;
  /** Wall-clock limit in seconds; the worker is terminated at `limit × 1.1 + 2 s` if the solver overruns. */
  readonly timeLimitSeconds: number;
  /** Relative gap at which the solver may stop; 0 = prove optimality. */
  readonly mipGap: number;
  readonly seed: number;
  /** A MIP start, one value per column (ignored by backends without warm starts). */
  readonly start?: readonly number[];
  /**
   * Most branch-and-bound nodes (a reproducible work limit; the time limit stays as a safety
   * cap); ignored by backends without the `nodeLimit` capability.
   */
  readonly nodeLimit?: number;
  /** Called with each incumbent and progress report as they arrive. */
  readonly onProgress?: (p: MipProgress) => void;
  /** Aborting asks the solver to stop, waits {@link INTERRUPT_GRACE_MS}, then terminates it. */
  readonly signal?: AbortSignal;
  /** @internal Makes the worker fail on purpose; for tests of the containment paths only. */
  readonly testCrash?: TestCrash;
}

/** How long an interrupted solver may take to return its best solution before it is terminated. */
export const INTERRUPT_GRACE_MS = 2000;

/** The worker deadline for a solver time limit: limit + 10% + 2 s. */
export function workerDeadlineMs(timeLimitSeconds: number): number {
  return Math.ceil(timeLimitSeconds * 1100 + 2000);
}

type Outcome =
  | { kind: 'reply'; reply: WorkerReply }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'failed'; failure: WorkerFailure }
  | { kind: 'deadline' }
  | { kind: 'aborted' };

let nextJobId = 1;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Solves `model` with the named backend in a worker thread. Never throws for solver outcomes:
 * infeasibility, limits, crashes and interrupts are reported in {@link MipResult.termination};
 * when the solve is cut short the best verified incumbent received so far is returned.
 * @throws TypeError for invalid options (a programming error).
 */
export async function solveMip(model: MipModel, options: SolveMipOptions): Promise<MipResult> {
  const badNodes = options.nodeLimit !== undefined && !(Number.isInteger(options.nodeLimit) && options.nodeLimit >= 0);
  if (!(options.timeLimitSeconds > 0) || !(options.mipGap >= 0) || !Number.isInteger(options.seed) || options.seed < 0 || badNodes) {
    throw new TypeError(
      `solveMip: invalid options (timeLimitSeconds ${options.timeLimitSeconds}, mipGap ${options.mipGap}, seed ${options.seed}, nodeLimit ${options.nodeLimit ?? 'none'})`,
    );
  }
  const capabilities = backendCapabilities(options.backend);
  if (model.columns.length === 0) return solveEmpty(model, options.backend);
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const jobId = nextJobId++;
  const job: Job = {
    jobId,
    backend: options.backend,
    options: {
      timeLimitSeconds: options.timeLimitSeconds,
      mipGap: options.mipGap,
      seed: options.seed,
      ...(options.start !== undefined ? { start: [...options.start] } : {}),
      ...(options.nodeLimit !== undefined && capabilities.nodeLimit ? { nodeLimit: options.nodeLimit } : {}),
    },
    ...(options.testCrash !== undefined ? { testCrash: options.testCrash } : {}),
  };

  let best: { values: number[]; objective: number } | undefined;
  let lastBound: number | null = null;
  const better = (z: number): boolean => best === undefined || (model.sense === 'max' ? z > best.objective : z < best.objective);
  const channel = new MessageChannel();
  channel.port1.on('message', (raw: unknown) => {
    const parsed = workerEventSchema.safeParse(raw);
    if (!parsed.success || parsed.data.jobId !== jobId) return;
    const event = parsed.data;
    if (event.type === 'progress') {
      lastBound = event.bound;
      options.onProgress?.({ seconds: event.seconds, objective: event.objective, bound: event.bound, gap: event.gap });
      return;
    }
    // Keep only incumbents that really satisfy the model: they may be all the caller gets.
    const values = snapIntegers(model, event.values);
    const objective = objectiveValue(model, values);
    if (!better(objective) || !checkFeasibility(model, values, 1e-5).feasible) return;
    best = { values, objective };
    options.onProgress?.({ seconds: event.seconds, objective, bound: lastBound, gap: gapOf(objective, lastBound) });
  });

  const stopFlag = new SharedArrayBuffer(8);
  const flag = new Int32Array(stopFlag);
  const handle = acquireWorker();
  let deadline: NodeJS.Timeout | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let offFailure: (() => void) | undefined;
  const outcome = await new Promise<Outcome>((resolve) => {
    handle.api.solve(job, model, Comlink.transfer(channel.port2, [channel.port2]), stopFlag).then(
      (reply) => {
        resolve({ kind: 'reply', reply });
      },
      (error: unknown) => {
        resolve({ kind: 'rejected', error });
      },
    );
    offFailure = handle.thread.onFailure((failure) => {
      resolve({ kind: 'failed', failure });
    });
    deadline = setTimeout(() => {
      resolve({ kind: 'deadline' });
    }, workerDeadlineMs(options.timeLimitSeconds));
    onAbort = () => {
      Atomics.store(flag, 0, 1);
      if (capabilities.interrupt)
        graceTimer = setTimeout(() => {
          resolve({ kind: 'aborted' });
        }, INTERRUPT_GRACE_MS);
      else resolve({ kind: 'aborted' });
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  clearTimeout(deadline);
  clearTimeout(graceTimer);
  offFailure?.();
  if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  // Incumbents posted just before the reply travel on another port; let them land first.
  await new Promise((resolve) => setImmediate(resolve));
  channel.port1.close();

  const size = modelSize(model);
  const where = `a model with ${size.columns} columns / ${size.nonzeros} nonzeros`;
  const fromIncumbent = (termination: MipTermination, message: string): MipResult => ({
    termination,
    values: best?.values ?? null,
    objective: best?.objective ?? null,
    bound: capabilities.bound ? lastBound : null,
    gap: best ? gapOf(best.objective, capabilities.bound ? lastBound : null) : null,
    seconds: seconds(),
    backend: options.backend,
    message,
  });

  switch (outcome.kind) {
    case 'reply': {
      const { result, poisoned, memory } = outcome.reply;
      if (poisoned) discardWorker(handle);
      else releaseWorker(handle, memory);
      const cutShort =
        result.termination === 'time-limit' || result.termination === 'node-limit' || result.termination === 'interrupted' || result.termination === 'error';
      if (result.values === null && best !== undefined && cutShort) {
        return { ...result, values: best.values, objective: best.objective, gap: gapOf(best.objective, result.bound), seconds: seconds() };
      }
      return { ...result, values: result.values && snapIntegers(model, result.values), seconds: seconds() };
    }
    case 'rejected':
      discardWorker(handle);
      return fromIncumbent('error', `the ${options.backend} worker failed on ${where}: ${describe(outcome.error)}; the worker was discarded`);
    case 'failed': {
      discardWorker(handle);
      const why = outcome.failure.kind === 'exit' ? `exited unexpectedly with code ${outcome.failure.code}` : `crashed (${describe(outcome.failure.error)})`;
      return fromIncumbent('error', `the ${options.backend} worker ${why} while solving ${where}; the worker was discarded`);
    }
    case 'deadline':
      discardWorker(handle);
      return fromIncumbent(
        'time-limit',
        `${options.backend} overran its ${options.timeLimitSeconds} s time limit; the worker was terminated after ${seconds().toFixed(1)} s`,
      );
    case 'aborted':
      discardWorker(handle);
      return fromIncumbent('interrupted', `interrupted; the ${options.backend} worker was terminated after ${seconds().toFixed(1)} s`);
  }
}

/**
 * Integer and binary columns within the solvers' integrality tolerance (1e-6) of an integer are set
 * to it: solvers return 0.9999999 for 1, and callers compare and count these values exactly.
 * Values farther off are left as they are, for feasibility checks to catch.
 */
function snapIntegers(model: MipModel, values: readonly number[]): number[] {
  return values.map((v, j) => {
    if (model.columns[j]?.kind === 'continuous') return v;
    const r = Math.round(v);
    return Math.abs(v - r) <= 1e-6 ? r : v;
  });
}

/**
 * A model without columns (a submodel whose columns are all held) is decided here: the rows are
 * constants, and the backends reject a model with no columns.
 */
function solveEmpty(model: MipModel, backend: string): MipResult {
  const feasible = checkFeasibility(model, []).feasible;
  const objective = model.objOffset ?? 0;
  return feasible
    ? { termination: 'optimal', values: [], objective, bound: objective, gap: 0, seconds: 0, backend }
    : { termination: 'infeasible', values: null, objective: null, bound: null, gap: null, seconds: 0, backend };
}

function gapOf(objective: number, bound: number | null): number | null {
  if (bound === null) return null;
  return Math.abs(bound - objective) / Math.max(1e-10, Math.abs(objective));
}

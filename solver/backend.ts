/**
 * The one small interface every solver backend implements. Shared code asks a backend what it
 * can do ({@link BackendCapabilities}) and never branches on its name.
 */
import type { MipModel } from './mip.js';

export interface MipSolveOptions {
  /** Wall-clock limit in seconds, passed to the solver (the worker enforces it again). */
  readonly timeLimitSeconds: number;
  /** Relative gap at which the solver may stop; 0 = prove optimality. */
  readonly mipGap: number;
  /** Random seed for the solver, for reproducible runs. */
  readonly seed: number;
  /** A MIP start (one value per column), used when the backend supports warm starts. */
  readonly start?: readonly number[];
  /**
   * Most branch-and-bound nodes to process, a work limit that (unlike the time limit) gives the
   * same answer on any machine; ignored by backends without {@link BackendCapabilities.nodeLimit}.
   */
  readonly nodeLimit?: number;
}

export interface BackendCapabilities {
  /** Reports a proven dual bound (and so a gap). */
  readonly bound: boolean;
  /** Honours a time limit option (the worker deadline applies regardless). */
  readonly timeLimit: boolean;
  readonly mipGap: boolean;
  readonly warmStart: boolean;
  /** Reports incumbents and bounds while solving. */
  readonly progress: boolean;
  /** Can be asked to stop and return its best solution so far. */
  readonly interrupt: boolean;
  /** Honours {@link MipSolveOptions.nodeLimit}. */
  readonly nodeLimit: boolean;
  /**
   * Solves integer programs only: integer and binary columns with finite bounds, integral
   * coefficients (every program the engine builds is one). Other models end in `error`, saying why.
   */
  readonly integerOnly: boolean;
}

/**
 * Why the solver stopped. `optimal` and `gap-reached` mean the returned values are proven
 * within the requested gap; `time-limit`, `node-limit` (the {@link MipSolveOptions.nodeLimit}
 * work limit) and `interrupted` may still carry a feasible solution (see
 * {@link MipResult.values}); `infeasible`/`unbounded` carry none.
 */
export type MipTermination = 'optimal' | 'gap-reached' | 'time-limit' | 'node-limit' | 'interrupted' | 'infeasible' | 'unbounded' | 'error';

export interface MipResult {
  readonly termination: MipTermination;
  /** One value per column when a feasible (integral) solution exists, else null. */
  readonly values: number[] | null;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly backend: string;
  /** Extra detail from the backend, e.g. the WASM abort message. */
  readonly message?: string;
}

/** A progress report while solving: the incumbent objective, bound and gap so far. */
/** The result of a solve that failed: no values, no bound, the reason in words. */
export function errorResult(backend: string, message: string, seconds = 0): MipResult {
  return { termination: 'error', values: null, objective: null, bound: null, gap: null, seconds, backend, message };
}

export interface MipProgress {
  readonly seconds: number;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
}

/** A new best feasible solution found while solving (one value per column). */
export interface MipIncumbent {
  readonly seconds: number;
  readonly objective: number;
  readonly values: number[];
}

/**
 * What a backend may call while it solves. Each hook is optional and a backend calls only those
 * its {@link BackendCapabilities} promise (`progress` for the two streams, `interrupt` for
 * {@link MipSolveHooks.shouldStop}).
 */
export interface MipSolveHooks {
  /** Receives the incumbent objective, bound and gap as the solve goes on. */
  readonly onProgress?: (p: MipProgress) => void;
  /** Receives every improving solution, so the caller keeps the best schedule if the solve is cut off. */
  readonly onIncumbent?: (incumbent: MipIncumbent) => void;
  /** Polled while solving; once it returns true the backend stops and returns its best solution so far. */
  readonly shouldStop?: () => boolean;
}

/** A backend, as it runs inside a worker thread (loaded there by {@link BackendEntry.load}). */
export interface Backend {
  /**
   * Solves `model`. Never throws for solver outcomes: infeasibility, limits and failures of the
   * solver itself (a WebAssembly abort included) come back in {@link MipResult.termination}.
   */
  solve(model: MipModel, options: MipSolveOptions, hooks: MipSolveHooks): Promise<MipResult>;
  /**
   * Whether this thread's solver runtime must be discarded after the last solve (a WebAssembly
   * abort or out-of-memory leaves a heap that cannot be trusted or shrunk); the worker is then
   * terminated and never reused.
   */
  poisoned(): boolean;
  /**
   * Bytes of WebAssembly memory the backend's runtime holds in this thread. It grows to the
   * largest model solved so far and never shrinks while the thread lives, so the worker pool
   * retires a thread holding too much (solver/worker-pool.ts). Absent when the backend cannot tell.
   */
  memoryBytes?(): number;
}

/**
 * A backend's entry in the registry (solver/backends/index.ts): its name, what it can do (readable
 * on the main thread without loading any solver), and how a worker loads it on demand, so that an
 * optional package is never imported unless its backend is asked for.
 */
export interface BackendEntry<Name extends string = string> {
  readonly name: Name;
  readonly capabilities: BackendCapabilities;
  /**
   * The module specifier of the optional npm package the backend needs (not installed by a plain
   * `npm install`), or absent when its solver ships with the project.
   */
  readonly optionalPackage?: string;
  load(): Promise<Backend>;
}

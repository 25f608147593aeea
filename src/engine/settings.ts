/**
 * What a solve is asked to do: the library's options of `solve()`, checked at its boundary with
 * zod, and the settings they resolve to against the scenario's `policy`.
 */
import { z } from 'zod';
import { mipGapSchema, seedSchema, SOLVER_NAMES, STRATEGIES, timeLimitSchema, type Scenario, type SolverName, type Strategy } from '../scenario/schema.js';
import { requireScenario } from '../scenario/parse.js';
import { InputError, problemsFromZod } from '../scenario/problems.js';
import { BACKEND_NAMES, backendInstalled } from '../../solver/index.js';
import { scheduleSchema } from '../solution/schema.js';
import { check } from '../checker/index.js';
import type { Schedule } from '../loading/schedule.js';
import { workBudget, type WorkBudget } from './stages.js';

/** Options of `solve()`; each defaults to the scenario's `policy`. */
export interface SolveOptions {
  readonly strategy?: Strategy;
  readonly solver?: SolverName;
  /** Wall-clock limit for the whole solve, in seconds. */
  readonly timeLimitSeconds?: number;
  readonly mipGap?: number;
  readonly seed?: number;
  /** Called as the solve progresses (stage, incumbent, bound, gap, elapsed). */
  readonly onProgress?: (p: SolveProgress) => void;
  /** Abort (e.g. on Ctrl-C) to stop and get the best schedule found so far, marked partial. */
  readonly signal?: AbortSignal;
  /**
   * Solver workers this solve may keep busy at once (default 2, one per core of the target
   * machine); a caller running several solves side by side gives each 1.
   */
  readonly parallel?: number;
  /**
   * The stages' work limits (search steps, branch-and-bound nodes); default
   * {@link workBudget}`(timeLimitSeconds)`. With a budget small enough that every stage ends on
   * it well before the time limit, the schedule is the same on any machine.
   */
  readonly workBudget?: WorkBudget;
  /**
   * A schedule of this scenario to start from (sections and enrollments, e.g. a base scenario's
   * schedule for a what-if variant that only relaxes rules). It is the first incumbent when the
   * program can express it, and the delivered schedule is never worse than it in the strategy's
   * tiers (judged by the checker). It must keep every hard rule of this scenario.
   */
  readonly start?: Schedule;
}

export interface SolveProgress {
  readonly stage: string;
  readonly seconds: number;
  /** Pathway students placed by the incumbent schedule (null before there is one). */
  readonly incumbent: number | null;
  /** Upper bound on pathway students placed (the report's `placementBound`), when there are pathway students. */
  readonly placementBound?: number | null;
  /** The solver's bound and relative gap on the weighted objective of the running stage. */
  readonly bound: number | null;
  readonly gap: number | null;
}

/** {@link SolveOptions} as checked at the library's boundary: the same ranges as the scenario's policy and the CLI. */
export const solveOptionsSchema = z.strictObject({
  strategy: z.enum(STRATEGIES).optional(),
  solver: z.enum(SOLVER_NAMES).optional(),
  timeLimitSeconds: timeLimitSchema.optional(),
  mipGap: mipGapSchema.optional(),
  seed: seedSchema.optional(),
  onProgress: z.custom<(p: SolveProgress) => void>((v) => typeof v === 'function', { error: 'expected a function' }).optional(),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, { error: 'expected an AbortSignal' }).optional(),
  parallel: z.number().int().min(1).max(64).optional(),
  workBudget: z
    .strictObject({
      placementSteps: z.number().int().min(0),
      searchSteps: z.number().int().min(0),
      stepNodes: z.number().int().min(0),
      stageNodes: z.number().int().min(0),
      wholePlacementColumns: z.number().int().min(0).optional(),
    })
    .optional(),
  start: scheduleSchema.optional(),
});

/** The options of one solve, resolved against the scenario's policy. */
export interface Settings {
  readonly scenario: Scenario;
  readonly strategy: Strategy;
  readonly backend: SolverName;
  /** The time limit, in seconds from {@link started}. */
  readonly limit: number;
  readonly mipGap: number;
  readonly seed: number;
  readonly work: WorkBudget;
  /** Solver workers busy at once. */
  readonly parallel: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SolveProgress) => void;
  /** The caller's start schedule, valid for the scenario. */
  readonly start?: Schedule;
  /** `performance.now()` when the solve started. */
  readonly started: number;
}

/**
 * Checks the options and the scenario and resolves every option against the scenario's policy.
 * @throws {@link InputError} naming every problem of the options, or of the scenario, or the
 *   hard rules a `start` schedule breaks in the scenario.
 */
export function solveSettings(scenarioInput: Scenario, options: SolveOptions): Settings {
  const started = performance.now();
  const checked = solveOptionsSchema.safeParse(options);
  if (!checked.success) throw new InputError('<options>', problemsFromZod(checked.error, 'see SolveOptions'));
  const scenario = requireScenario(scenarioInput);
  const policy = scenario.policy;
  const limit = options.timeLimitSeconds ?? policy.timeLimitSeconds;
  const start = checked.data.start;
  if (start) {
    const broken = check(scenario, start).violations;
    if (broken.length > 0) {
      throw new InputError(
        '<options>',
        broken.slice(0, 10).map((v) => ({
          path: 'start',
          message: `the start schedule breaks a hard rule of this scenario: ${v.message}`,
          fix: 'give a schedule that `check` accepts for this scenario, or leave out start',
        })),
      );
    }
  }
  const backend = options.solver ?? policy.solver;
  // An optional backend whose package is absent is bad input, answered before any work (issue 12).
  if (!backendInstalled(backend)) {
    throw new InputError('<options>', [
      {
        path: options.solver ? 'solver' : 'policy.solver',
        message: `the ${backend} solver backend is not installed here`,
        fix: `install its optional package (README, "Solver backends"; for cpsat: npm install --no-save or-tools-wasm), or choose another solver (${BACKEND_NAMES.filter(backendInstalled).join(', ')})`,
      },
    ]);
  }
  return {
    scenario,
    strategy: options.strategy ?? policy.strategy,
    backend,
    limit,
    mipGap: options.mipGap ?? policy.mipGap,
    seed: options.seed ?? policy.seed,
    work: options.workBudget ?? workBudget(limit),
    parallel: Math.max(1, options.parallel ?? 2),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(start ? { start: { sections: start.sections, enrollments: start.enrollments } } : {}),
    started,
  };
}

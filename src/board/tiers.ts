/**
 * Solving a program under the strategy's strict tiers (src/model/objective.ts). One weighted
 * solve when the dominating weights stay within {@link WEIGHT_LIMIT}: the whole program's weights
 * when they do (so objectives and bounds of every stage are on one scale), else weights computed
 * over the columns this solve leaves free (a search step frees few). Past the limit even there,
 * the tiers are solved in turn: each chunk of tiers whose weights fit, then its values held as
 * rows (`tierFloor[...]`, no rule group: they only keep what an earlier chunk won) while the next
 * chunk is solved, warm-started from the previous solution.
 */
import type { MipResult, MipTermination } from '../../solver/backend.js';
import { solveMip, type SolveMipOptions } from '../../solver/run.js';
import { extractSubmodel, type ColumnSet } from '../../solver/submodel.js';
import type { MipModel } from '../../solver/mip.js';
import {
  chunkTiers,
  compareTierValues,
  dominatingWeights,
  tierFloors,
  tierRanges,
  tierValues,
  weightedCoefficients,
  withCoefficients,
  WEIGHT_LIMIT,
  type ObjectiveTier,
} from '../model/objective.js';

/** The tiers with their dominating weights over the whole program (see `strategyObjective`). */
export interface TieredObjective {
  readonly tiers: readonly ObjectiveTier[];
  readonly weights: readonly number[];
}

export interface TierSolveOptions extends Omit<SolveMipOptions, 'start'> {
  /** A feasible start (one value per column of the full model), kept when no solve improves on it. */
  readonly start?: readonly number[] | null;
  /** Columns held at their value in `start`: only the rest is sent to the solver (a search step). */
  readonly held?: ColumnSet;
  /**
   * With `held`, also hold the columns a row then forces to 0 (solver/submodel.ts): for a board's
   * loading, where they are the seats of every section not on the board. Search steps keep them:
   * on the smaller program their node-limited solves take another path, and valley-ab-150's
   * placement search ended at 41 of 42 placed on the budget where it reaches 42.
   */
  readonly holdForcedZeros?: boolean;
  /** Called with each program sent to the solver (for logs and benchmarks). */
  readonly onSent?: (sent: MipModel) => void;
  /** Largest weight one solve may carry (default {@link WEIGHT_LIMIT}). */
  readonly weightLimit?: number;
}

export interface TierSolveResult extends MipResult {
  /**
   * The weights of the one weighted solve, in which `objective` and `bound` are expressed; null
   * when the tiers were solved in turn (then `objective` and `bound` are null).
   */
  readonly weights: readonly number[] | null;
  /** Solves run: 1, or one per chunk of tiers. */
  readonly solves: number;
}

/** How far a stopped solve is from proven: the worse of two terminations, for a run of several solves. */
const RANK: Readonly<Record<MipTermination, number>> = {
  optimal: 0,
  'gap-reached': 1,
  'node-limit': 2,
  'time-limit': 3,
  interrupted: 4,
  infeasible: 5,
  unbounded: 6,
  error: 7,
};

/**
 * Solves `model` (its own objective is ignored) for the tiers, lexicographically.
 * @returns the solver's result on the full model's columns; with several chunks, the values of
 *   the last chunk that returned any (or the start), and the worst termination of the chunks.
 */
export async function solveTiers(model: MipModel, goal: TieredObjective, options: TierSolveOptions): Promise<TierSolveResult> {
  const { start, held, holdForcedZeros, onSent, weightLimit = WEIGHT_LIMIT, ...mip } = options;
  const free = (j: number) => !held?.has(j) && (model.columns[j]?.lb ?? 0) < (model.columns[j]?.ub ?? 0);
  const global = Math.max(1, ...goal.weights) <= weightLimit;
  const ranges = tierRanges(goal.tiers, free);
  const local = dominatingWeights(ranges);
  const single = global || Math.max(1, ...local) <= weightLimit;
  const chunks = single ? [{ tiers: [...goal.tiers], ranges }] : chunkTiers(goal.tiers, ranges, weightLimit);
  const started = performance.now();
  // Integral values exactly: a start a hair off its tier floors would be refused by the solver.
  let values = start ? start.map((v, j) => (model.columns[j]?.kind === 'continuous' ? v : Math.round(v))) : null;
  let last: MipResult | null = null;
  let worst: MipTermination = 'optimal';
  let solves = 0;
  const floors: ReturnType<typeof tierFloors> = [];
  const deadline = started + mip.timeLimitSeconds * 1000;
  for (const [i, chunk] of chunks.entries()) {
    const weights = single ? (global ? goal.weights : local) : dominatingWeights(chunk.ranges);
    const objective = weightedCoefficients(chunk.tiers, weights, model.columns.length);
    // Later chunks share what the earlier ones left of the time limit.
    const timeLimitSeconds = Math.max(0.5, (deadline - performance.now()) / 1000 / (chunks.length - i));
    const onProgress =
      mip.onProgress &&
      (single && global ? mip.onProgress : (p: Parameters<NonNullable<typeof mip.onProgress>>[0]) => mip.onProgress?.({ ...p, objective: null, bound: null }));
    let result: MipResult;
    if (held && values) {
      const sub = extractSubmodel(model, held, values, { objective, rows: floors, ...(holdForcedZeros ? { holdForcedZeros } : {}) });
      // A start breaking an all-held row means no completion exists: nothing to solve.
      if (sub.violatedRow !== undefined)
        return { termination: 'infeasible', values: null, objective: null, bound: null, gap: null, seconds: 0, backend: mip.backend, weights: null, solves: 0 };
      onSent?.(sub.model);
      const r = await solveMip(sub.model, { ...mip, timeLimitSeconds, start: sub.restrict(values), ...(onProgress ? { onProgress } : {}) });
      result = { ...r, values: r.values ? sub.expand(r.values) : null };
    } else {
      const program = withCoefficients(model, objective, floors);
      onSent?.(program);
      result = await solveMip(program, { ...mip, timeLimitSeconds, ...(values ? { start: values } : {}), ...(onProgress ? { onProgress } : {}) });
    }
    last = result;
    solves++;
    if (RANK[result.termination] > RANK[worst]) worst = result.termination;
    if (!result.values) break;
    // A chunk stopped early may return worse than its start in its own tiers: the start stays.
    if (values && !single && compareTierValues(tierValues(chunk.tiers, result.values), tierValues(chunk.tiers, values)) < 0) break;
    values = result.values;
    if (result.termination === 'interrupted' || result.termination === 'infeasible') break;
    floors.push(...tierFloors(chunk.tiers, tierValues(chunk.tiers, values)));
  }
  const seconds = (performance.now() - started) / 1000;
  if (single && last) return { ...last, seconds, weights: global ? goal.weights : local, solves: 1 };
  return {
    termination: worst,
    values,
    objective: null,
    bound: null,
    gap: null,
    seconds,
    backend: mip.backend,
    ...(last?.message !== undefined ? { message: last.message } : {}),
    weights: null,
    solves,
  };
}

/**
 * Large-neighbourhood search on the board (fix-and-optimize): from the incumbent schedule, free
 * the board columns of one neighbourhood, hold every other section where it is, and re-solve the
 * program (board part and loading) warm-started from the incumbent with a short limit. Only the
 * step's submodel (its free columns and the rows that touch them, solver/submodel.ts, with
 * tier weights over those columns only: src/board/tiers.ts) goes to the
 * solver worker, not the whole program: on a 2,500-student school a pathway step is about a
 * twentieth of the program's columns (a slot-pair step, which re-loads every member of the
 * cohorts it frees, still about two fifths), which saves memory and transfer. A step is kept only if it
 * strictly improves the strategy's tiers, compared lexicographically. Two neighbourhoods are solved at once, one per
 * core; the better improving one is kept (ties: the earlier one).
 *
 * Determinism: the neighbourhood order and the acceptance rule depend only on the solutions,
 * never on the clock, and HiGHS runs with a fixed seed. With a node limit per step
 * (`stepNodes`) and a step budget (`maxSteps`), the result depends on no timing at all as long
 * as no step reaches its safety time cap (counted in `timeCutSteps`) and the overall `until`
 * does not fire. Without a node limit a step cut by its time limit, or the search cut by the
 * overall limit, may end at a different point on a slower or busier machine. The neighbourhoods
 * come in families of growing size (src/board/neighbourhoods.ts): when a whole family improves
 * nothing the search moves on to the next, and an improvement brings it back to the first; it
 * stops when the last family improves nothing (`local-optimum`), at its step budget, its bound
 * (by the caller's abort) or the clock.
 */
import type { MipModel } from '../../solver/mip.js';
import type { ColumnSet } from '../../solver/submodel.js';
import type { MipProgress, MipResult } from '../../solver/backend.js';
import type { BackendName } from '../../solver/index.js';
import type { Formulation } from '../model/formulation.js';
import { compareTierValues, tierValues } from '../model/objective.js';
import { solveTiers, type TieredObjective } from './tiers.js';
import { neighbourhoodFamilies, type Neighbourhood, type NeighbourhoodFamily } from './neighbourhoods.js';
import { getOrInsert } from '../map-entry.js';

export interface LnsOptions {
  readonly backend: BackendName;
  readonly seed: number;
  /** Seconds (from `now()`) by which the search ends: no step starts after it or runs past it (`Infinity`: no deadline). */
  readonly until: number;
  readonly now: () => number;
  /**
   * Time limit of one step's program, in seconds; with `stepNodes` only a safety cap (a step
   * stopped by it is counted in {@link LnsOutcome.timeCutSteps}).
   */
  readonly stepSeconds: number;
  /** Branch-and-bound nodes per step (a reproducible work limit; HiGHS only, others ignore it). */
  readonly stepNodes?: number;
  /** Steps after which the search stops (`step-limit`). */
  readonly maxSteps?: number;
  /** Most board columns one step may free. */
  readonly maxFree: number;
  /** Most students one step may re-load. */
  readonly maxTouched: number;
  /** The neighbourhood families, smallest first (default: {@link neighbourhoodFamilies} of `maxFree`, `maxTouched` and `seed`). */
  readonly families?: readonly NeighbourhoodFamily[];
  /** Steps solved at once (one per core). */
  readonly parallel: number;
  readonly signal?: AbortSignal;
  /** A step was kept: the new incumbent and the neighbourhood that gave it. */
  readonly onImprove?: (values: readonly number[], neighbourhood: string) => void;
  readonly onProgress?: (p: MipProgress) => void;
  /** After every batch of steps, with the incumbent (for progress display). */
  readonly onStep?: (values: readonly number[]) => void;
  /** Before each step's program is sent, with its size. */
  readonly onStepSize?: (size: LnsStepSize) => void;
}

export interface LnsOutcome {
  readonly values: number[];
  readonly steps: number;
  readonly improvements: number;
  /** Why the search ended. */
  readonly stop: 'local-optimum' | 'time-limit' | 'step-limit' | 'interrupted';
  /** Steps whose program was not solved to optimality within the step's limits (nodes or time). */
  readonly cutSteps: number;
  /** Of those, steps stopped by the time limit: the ones whose outcome depends on the machine. */
  readonly timeCutSteps: number;
}

/** Sizes of one step's program, before and after extracting its submodel (for logs and benchmarks). */
export interface LnsStepSize {
  readonly neighbourhood: string;
  readonly fullColumns: number;
  readonly fullRows: number;
  readonly columns: number;
  readonly rows: number;
}

/**
 * The columns a step holds at the incumbent: board columns outside the neighbourhood, and the
 * loading of every group that requests none of the freed courses (its sections cannot move, so
 * its incumbent loading stays feasible; freeing it would only make the step's program larger).
 * They are nearly every column of the program, so they are marked in a byte per column: a Set of
 * them took 10 MB a step on a 3,500-student school, kept until the step's solve returned.
 */
export function heldColumns(form: Formulation, boardColumns: ReadonlySet<number>, free: ReadonlySet<number>): ColumnSet {
  const courses = new Set<string>();
  const pathwayGrades = new Set<string>();
  for (const v of form.vars.teach) {
    if (!free.has(v.col)) continue;
    // A freed cohort section concerns only its pathway grade; regular students never sit in it.
    if (!v.cohort) courses.add(v.course);
    else {
      const k = form.inst.cohorts.find((c) => c.id === v.cohort);
      if (k) pathwayGrades.add(`${k.pathway}|${k.grade}`);
    }
  }
  const mask = new Uint8Array(form.builder.columns.length);
  const hold = (c: number): void => {
    mask[c] = 1;
  };
  for (const c of boardColumns) if (!free.has(c)) hold(c);
  for (const part of form.vars.parts) {
    const g = form.inst.groups[part.group]!;
    const touched = (g.pathway !== undefined && pathwayGrades.has(`${g.pathway}|${g.grade}`)) || g.requests.some((r) => r.choices.some((c) => courses.has(c)));
    if (touched) continue;
    for (const t of part.takes) hold(t.col);
    if (part.member !== undefined) hold(part.member);
    if (part.placed !== undefined) hold(part.placed);
    for (const u of part.placedTakes) hold(u.col);
  }
  return { has: (c) => mask[c] === 1 };
}

/** The outcome of one step, as a full value vector. */
interface StepResult {
  readonly termination: MipResult['termination'];
  readonly values: number[] | null;
}

async function solveStep(
  model: MipModel,
  goal: TieredObjective,
  name: string,
  held: ColumnSet,
  values: readonly number[],
  limit: number,
  options: LnsOptions,
): Promise<StepResult> {
  // The step's own weights cover only its free columns (src/board/tiers.ts), so they stay small.
  const r = await solveTiers(model, goal, {
    backend: options.backend,
    timeLimitSeconds: limit,
    mipGap: 0,
    seed: options.seed,
    start: values,
    held,
    ...(options.stepNodes !== undefined ? { nodeLimit: options.stepNodes } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onSent: (sent) =>
      options.onStepSize?.({
        neighbourhood: name,
        fullColumns: model.columns.length,
        fullRows: model.rows.length,
        columns: sent.columns.length,
        rows: sent.rows.length,
      }),
  });
  return { termination: r.termination, values: r.values };
}

/** Improves the board of `start` by large-neighbourhood search; see the module comment. */
export async function improveBoard(
  form: Formulation,
  model: MipModel,
  goal: TieredObjective,
  boardColumns: ReadonlySet<number>,
  start: readonly number[],
  options: LnsOptions,
): Promise<LnsOutcome> {
  let values = [...start];
  let score = tierValues(goal.tiers, values);
  let steps = 0;
  let improvements = 0;
  let cutSteps = 0;
  let timeCutSteps = 0;
  const families = options.families ?? neighbourhoodFamilies(form, options.maxFree, options.maxTouched, options.seed);
  // The family in use; those tried since the last improvement are skipped, per family.
  let family = 0;
  const tried = families.map(() => new Set<string>());
  // Neighbourhoods are computed from the incumbent, once per family and incumbent.
  const computed = new Map<number, Neighbourhood[]>();
  const outcome = (stop: LnsOutcome['stop']): LnsOutcome => ({ values, steps, improvements, stop, cutSteps, timeCutSteps });
  for (;;) {
    if (options.signal?.aborted) return outcome('interrupted');
    if (options.maxSteps !== undefined && steps >= options.maxSteps) return outcome('step-limit');
    const all = getOrInsert(computed, family, () => families[family]!.of(values));
    const queue = all.filter((n) => !tried[family]!.has(n.name));
    if (queue.length === 0) {
      // A whole family improved nothing: on to the next, larger one; past the last, a local optimum of them all.
      if (++family >= families.length) return outcome('local-optimum');
      continue;
    }
    const room = options.maxSteps !== undefined ? options.maxSteps - steps : Infinity;
    const batch: Neighbourhood[] = queue.slice(0, Math.max(1, Math.min(options.parallel, room)));
    const left = options.until - options.now();
    if (left < 0.5) return outcome('time-limit');
    // A step ends by `until`, so the stage after the search keeps its time and the solve its limit:
    // a step started just before `until` with the whole `stepSeconds` ran 7 s past a 60 s limit
    // on a loaded machine. Under a node limit the clock shapes no step that has `stepSeconds`
    // left; one cut shorter by `until` and stopped by it counts in timeCutSteps (machine-dependent).
    const limit = Math.max(0.5, Math.min(options.stepSeconds, left));
    const results = await Promise.all(batch.map((n) => solveStep(model, goal, n.name, heldColumns(form, boardColumns, n.free), values, limit, options)));
    steps += batch.length;
    let best: { values: number[]; score: number[]; name: string } | undefined;
    results.forEach((r, i) => {
      if (r.termination !== 'optimal' && r.termination !== 'gap-reached') cutSteps++;
      if (r.termination === 'time-limit') timeCutSteps++;
      if (!r.values) return;
      const s = tierValues(goal.tiers, r.values);
      if (compareTierValues(s, score) > 0 && (!best || compareTierValues(s, best.score) > 0)) best = { values: r.values, score: s, name: batch[i]!.name };
    });
    if (best) {
      values = best.values;
      score = best.score;
      improvements++;
      for (const t of tried) t.clear();
      computed.clear();
      family = 0;
      options.onImprove?.(values, best.name);
    } else {
      for (const n of batch) tried[family]!.add(n.name);
    }
    options.onStep?.(values);
    if (results.some((r) => r.termination === 'interrupted')) return outcome('interrupted');
  }
}

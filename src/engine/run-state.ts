/**
 * The state of one solve as its stages pass it on: the program, the greedy start, the bound on
 * pathway placement, the incumbent solution and which stage found it, the stages run so far, and
 * the clock and progress helpers every stage shares.
 */
import type { MipProgress, MipResult } from '../../solver/backend.js';
import type { SchoolProgram } from '../model/program.js';
import { evaluate } from '../model/formulation.js';
import { compareTierValues, tierValues } from '../model/objective.js';
import type { PlacementBound } from '../board/placement-bound.js';
import type { UpperBound } from '../bound/upper-bound.js';
import type { BoardSection } from '../board/greedy.js';
import type { MissingSection } from '../board/planned-sections.js';
import type { Schedule } from '../loading/schedule.js';
import type { TierSolveResult } from '../board/tiers.js';
import type { Settings } from './settings.js';
import type { StageRun } from './outcome.js';

/** The greedy CTE-first board and the greedy loader's schedule on it: the first schedule and the warm start. */
export interface GreedyStart {
  readonly board: readonly BoardSection[];
  /** Section keys of the board (see `sectionKey`). */
  readonly onBoard: ReadonlySet<string>;
  /** The board as fixed values of the program's section columns. */
  readonly fix: ReadonlyMap<number, number>;
  readonly loaderSchedule: Schedule;
}

export class SolveRun {
  /** Every stage's solve, in the order run. */
  readonly runs: StageRun[] = [];
  /** The incumbent program solution, one value per column of the whole program. */
  values: number[] | null = null;
  /** The stage whose solution {@link values} is (the report's `delivered`). */
  from = 'greedy loader';
  /** The solve was stopped from outside (Ctrl-C) or a stage was interrupted. */
  interrupted = false;
  /** Courses whose planned regular sections did not all fit the final board, and why (set by the final loading). */
  missingSections: readonly MissingSection[] = [];
  /**
   * Program solutions set aside: incumbents a later stage replaced, and the board of a stage
   * stopped before it could offer it. Each is named and judged by the checker again on delivery
   * (src/engine/delivery.ts), since the program's tiers may rank them above what their named
   * students reach.
   */
  readonly setAside: Array<{ readonly values: readonly number[]; readonly from: string }> = [];

  constructor(
    readonly settings: Settings,
    readonly program: SchoolProgram,
    /** The counting bound on pathway placement (src/bound/), or null without pathway students. */
    upper: UpperBound | null,
    readonly greedy: GreedyStart,
  ) {
    this.bound = upper && { value: upper.value, source: upper.source };
    this.target = upper?.counting ?? null;
  }

  /**
   * Upper bound on pathway students placed by any valid schedule, with its source; null without
   * pathway students. It starts as the counting bound and is tightened once (src/engine/settle-bound.ts).
   */
  bound: PlacementBound | null;
  /** Whether {@link bound} is final: the relaxation was solved, or a schedule already reaches the counting bound. */
  boundSettled = false;
  /**
   * Where the search may stop: the bound's clock-free counting part. The relaxation's value depends
   * on how much of it the clock let close, and a schedule steered by it would depend on the machine.
   */
  readonly target: number | null;

  /** Makes `values`, found by the stage `from`, the incumbent; the one it replaces is set aside, never lost. */
  replace(values: number[], from: string): void {
    if (this.values && this.values !== values) this.setAside.push({ values: this.values, from: this.from });
    [this.values, this.from] = [values, from];
  }

  /** Seconds since the solve started. */
  elapsed(): number {
    return (performance.now() - this.settings.started) / 1000;
  }

  /** Seconds a stage may still use: the limit less a little for loading, rooms and checking. */
  remaining(): number {
    return Math.max(0.5, this.settings.limit * 0.95 - this.elapsed());
  }

  /** Whether the caller aborted (Ctrl-C). */
  aborted(): boolean {
    return this.settings.signal?.aborted ?? false;
  }

  /** Pathway students a solution places (the program's count). */
  placedAt(v: readonly number[] | null): number | null {
    return v ? Math.round(evaluate(this.program.form.terms.placed, v)) : null;
  }

  /** Whether a solution reaches the placement bound, where placement is the first objective (not academic-first). */
  reached(v: readonly number[] | null): boolean {
    return this.program.goal.placedWeight > 0 && this.target !== null && v !== null && (this.placedAt(v) ?? 0) >= this.target;
  }

  /** Tier by tier (strict priorities): positive when `a` is better than `b`. */
  beats(a: readonly number[], b: readonly number[]): number {
    const tiers = this.program.goal.tiers;
    return compareTierValues(tierValues(tiers, a), tierValues(tiers, b));
  }

  /** A stage's result with its objective in the whole program's weights (a bound only when it is on that scale). */
  staged(r: TierSolveResult): MipResult {
    const goal = this.program.goal;
    return r.weights === goal.weights ? r : { ...r, objective: r.values ? evaluate(goal.objective, r.values) : null, bound: null, gap: null };
  }

  /** Solver options every stage shares. */
  solverOptions(): { backend: Settings['backend']; mipGap: number; seed: number; signal?: AbortSignal } {
    const { backend, mipGap, seed, signal } = this.settings;
    return { backend, mipGap, seed, ...(signal ? { signal } : {}) };
  }

  /** Reports progress with the incumbent's placement. */
  report(stage: string, incumbentValues: readonly number[] | null, p: { bound: number | null; gap: number | null }): void {
    this.settings.onProgress?.({
      stage,
      seconds: this.elapsed(),
      incumbent: this.placedAt(incumbentValues),
      placementBound: this.bound?.value ?? null,
      bound: p.bound,
      gap: p.gap,
    });
  }

  /** Reports progress with a count of students placed. */
  reportPlaced(stage: string, placed: number): void {
    this.settings.onProgress?.({ stage, seconds: this.elapsed(), incumbent: placed, placementBound: this.bound?.value ?? null, bound: null, gap: null });
  }

  /** Progress of a running solver, streamed: with dominating weights the weighted objective names the placement. */
  stream(stage: string): (p: MipProgress) => void {
    const placedWeight = this.program.goal.placedWeight;
    const placedOf = (z: number | null) => (z !== null && placedWeight > 0 ? Math.floor(z / placedWeight + 1e-9) : this.placedAt(this.values));
    return (p) =>
      this.settings.onProgress?.({
        stage,
        seconds: this.elapsed(),
        incumbent: placedOf(p.objective),
        placementBound: this.bound?.value ?? null,
        bound: p.bound,
        gap: p.gap,
      });
  }
}

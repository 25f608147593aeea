/**
 * The engine end to end: scenario → integer program (solved in a worker, stage by stage) →
 * board and named students in sections → rooms → greedy completion → the independent checker's
 * figures → the report.
 */
import { fixColumns } from '../../solver/mip.js';
import type { MipProgress, MipResult } from '../../solver/backend.js';
import type { CheckResult } from '../checker/index.js';
import { buildReport, explainNotPlaced } from '../report/index.js';
import { z } from 'zod';
import { mipGapSchema, seedSchema, SOLVER_NAMES, STRATEGIES, timeLimitSchema, type Scenario, type SolverName, type Strategy } from '../scenario/schema.js';
import { requireScenario } from '../scenario/parse.js';
import { InputError, problemsFromZod } from '../scenario/problems.js';
import { Pace, type StopReason } from './pace.js';
import { SOLUTION_FORMAT, type SolverFigures, type Solution } from '../solution/schema.js';
import { buildInstance } from '../model/instance.js';
import { evaluate, formulationSteps, type Formulation } from '../model/formulation.js';
import { compareTierValues, tierValues, withObjective } from '../model/objective.js';
import { greedyBoardSteps } from '../board/greedy.js';
import { improveBoard, type LnsOutcome } from '../board/lns.js';
import { loadGreedyBoard } from '../board/baseline.js';
import { scheduleToValues } from '../board/incumbent.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import type { PlacementBound } from '../board/placement-bound.js';
import { BOUND_NODE_LIMIT, BOUND_TIME_SHARE, placementUpperBound } from '../bound/upper-bound.js';
import { STAGES, strategyObjective, workBudget, type StrategyObjective, type WorkBudget } from './stages.js';
import { guardedSchedule, judge, type Judged } from './realise.js';
import { solveTiers, type TierSolveResult } from './tiers.js';
import { diagnoseInfeasibility, type InfeasibilityDiagnosis } from './infeasibility.js';
import { boardColumnsOf, placementProgram, searchPlacement, sectionKey } from './placement.js';

/** Options of {@link solve}; each defaults to the scenario's `policy`. */
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

/**
 * What a solve produced. `scheduled`: a schedule exists (its report says whether it is proven
 * optimal or the best found before a limit); `infeasible`: the hard rules cannot all hold (the
 * groups of rules involved are named); `no-schedule`: the solver stopped with nothing usable.
 */
export type SolveOutcome =
  | { readonly status: 'scheduled'; readonly solution: Solution & { report: NonNullable<Solution['report']> }; readonly check: CheckResult }
  | {
      readonly status: 'infeasible';
      /** The rule groups of {@link diagnosis}, by their labels in school words (`TW prep period`). */
      readonly rules: readonly string[];
      /** A minimal set of rule groups whose relaxation makes the scenario feasible, with fix options. */
      readonly diagnosis: InfeasibilityDiagnosis;
      readonly solver: SolverFigures;
    }
  | { readonly status: 'no-schedule'; readonly message: string; readonly solver: SolverFigures };

/** {@link SolveOptions} as checked at the library's boundary: the same ranges as the scenario's policy and the CLI. */
export const solveOptionsSchema = z.strictObject({
  strategy: z.enum(STRATEGIES).optional(),
  solver: z.enum(SOLVER_NAMES).optional(),
  timeLimitSeconds: timeLimitSchema.optional(),
  mipGap: mipGapSchema.optional(),
  seed: seedSchema.optional(),
  onProgress: z.custom<(p: SolveProgress) => void>((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, { message: 'expected an AbortSignal' }).optional(),
  parallel: z.number().int().min(1).max(64).optional(),
  workBudget: z
    .strictObject({ placementSteps: z.number().int().min(0), searchSteps: z.number().int().min(0), stepNodes: z.number().int().min(0), stageNodes: z.number().int().min(0) })
    .optional(),
});

/** Programs up to this many columns go to the whole-program stage before the search. */
const SMALL_MODEL_COLUMNS = 8000;
/**
 * Above this many columns neither the greedy board's full loading nor the whole program returns
 * anything within minutes (measured on the 2,500-student school: nothing in 27 s and 15 s); the
 * greedy loader's schedule is the start and the search gets all the time (each of its steps
 * already solves the loading of the students it touches).
 */
const LARGE_MODEL_COLUMNS = 100_000;
/** Programs from this many columns get the placement search first (see its stage). */
const PLACEMENT_SEARCH_COLUMNS = 5_000;

interface StageRun {
  readonly name: string;
  readonly result: MipResult;
  /** Status shown in the report when it is not the solver's own (the search stages). */
  readonly status?: string;
  /** A search step or the search itself was cut by the clock rather than by its work limit. */
  readonly timeCut?: boolean;
}

/**
 * Builds a master schedule for the scenario.
 * @param scenario - a scenario from {@link parseScenario}, or any value to validate as one.
 * @param options - each defaults to the scenario's `policy`; ranges as in the policy.
 * @returns an outcome. The time limit and the abort signal hold from the start: stopped before
 *   any schedule exists (even while the program is being built), it is `no-schedule`.
 * @throws {@link InputError} naming every problem of the scenario or the options; otherwise only
 *   for programming or environment errors.
 */
export async function solve(scenarioInput: Scenario, options: SolveOptions = {}): Promise<SolveOutcome> {
  const started = performance.now();
  const checkedOptions = solveOptionsSchema.safeParse(options);
  if (!checkedOptions.success) throw new InputError('<options>', problemsFromZod(checkedOptions.error, 'see SolveOptions'));
  const scenario = requireScenario(scenarioInput);
  const policy = scenario.policy;
  const strategy = options.strategy ?? policy.strategy;
  const backend = options.solver ?? policy.solver;
  const limit = options.timeLimitSeconds ?? policy.timeLimitSeconds;
  const mipGap = options.mipGap ?? policy.mipGap;
  const seed = options.seed ?? policy.seed;
  const elapsed = () => (performance.now() - started) / 1000;
  const work = options.workBudget ?? workBudget(limit);
  // Building the program is paced: Ctrl-C and the time limit hold while it runs.
  const pace = new Pace(started + limit * 1000, options.signal, (doing) => options.onProgress?.({ stage: doing, seconds: elapsed(), incumbent: null, bound: null, gap: null }));
  const stopped = (reason: StopReason, doing: string): SolveOutcome => ({
    status: 'no-schedule',
    message: reason === 'interrupted' ? `stopped while ${doing}, before any schedule existed` : `the time limit (${limit} s) ran out while ${doing}, before any schedule existed; allow more time (--time-limit, or policy.timeLimitSeconds)`,
    solver: { backend, strategy, seed, termination: reason, schedule: 'none', partial: reason === 'interrupted', objective: null, bound: null, gap: null, placementBound: null, reproducible: false, seconds: Math.round(elapsed() * 100) / 100, stages: [] },
  });

  if (!(await pace.step('reading the school', true))) return stopped(pace.reason!, 'reading the school');
  const inst = buildInstance(scenario);
  const form = await pace.run(formulationSteps(inst), 'building the program');
  if (!form) return stopped(pace.reason!, 'building the program');
  const goal = strategyObjective(strategy, form);
  const model = withObjective(form.builder.build('max', []), goal.objective);
  // Schedules are compared tier by tier (strict priorities); a stage's objective is reported in the whole program's weights.
  const beats = (a: readonly number[], b: readonly number[]) => compareTierValues(tierValues(goal.tiers, a), tierValues(goal.tiers, b));
  const staged = (r: TierSolveResult): MipResult => (r.weights === goal.weights ? r : { ...r, objective: r.values ? evaluate(goal.objective, r.values) : null, bound: null, gap: null });
  const boardColumns = boardColumnsOf(form);
  const teachColumns = new Set(form.vars.teach.map((v) => v.col));
  // The bound on pathway placement every valid schedule respects (src/bound/), on one worker, within a share of the limit.
  const upper = await placementUpperBound(inst, { backend, seed, nodeLimit: BOUND_NODE_LIMIT, timeLimitSeconds: limit * BOUND_TIME_SHARE, ...(options.signal ? { signal: options.signal } : {}) });
  const combinatorial: PlacementBound | null = upper && { value: upper.value, source: upper.source };
  // The search stops at the clock-free part of the bound: the relaxation's value depends on how
  // much of it the clock let close, and a schedule steered by it would depend on the machine.
  const target = upper?.counting ?? null;
  const runs: StageRun[] = [];
  let values: number[] | null = null;
  // The stage whose values `values` are, for the report's `delivered`.
  let valuesFrom = 'greedy loader';
  let interrupted = false;
  const placedAt = (v: readonly number[] | null) => (v ? Math.round(evaluate(form.terms.placed, v)) : null);
  const report = (stage: string, incumbentValues: readonly number[] | null, p: { bound: number | null; gap: number | null }) =>
    options.onProgress?.({
      stage,
      seconds: elapsed(),
      incumbent: placedAt(incumbentValues),
      placementBound: combinatorial?.value ?? null,
      bound: p.bound,
      gap: p.gap,
    });
  // During a solve only the weighted objective streams in; with dominating weights it names the placement.
  const placedOf = (objectiveValue: number | null) =>
    objectiveValue !== null && goal.placedWeight > 0 ? Math.floor(objectiveValue / goal.placedWeight + 1e-9) : placedAt(values);
  const streamProgress = (stage: string) => (p: MipProgress) =>
    options.onProgress?.({ stage, seconds: elapsed(), incumbent: placedOf(p.objective), placementBound: combinatorial?.value ?? null, bound: p.bound, gap: p.gap });
  // Reaching the placement bound ends the search only where placement is the first objective (not academic-first).
  const reached = (v: readonly number[] | null) => goal.placedWeight > 0 && target !== null && v !== null && (placedAt(v) ?? 0) >= target;

  // No schedule keeps every hard rule: name a minimal set of rules to relax (teacher unavailability and rooms included).
  const infeasible = async (): Promise<SolveOutcome> => {
    const diagnosis = await diagnoseInfeasibility(scenario, { backend, seed, timeLimitSeconds: Math.max(5, limit - elapsed()) });
    const rules = diagnosis.groups.length > 0 ? diagnosis.groups.map((g) => g.label) : [diagnosis.summary];
    return { status: 'infeasible', rules, diagnosis, solver: solverFigures(runs, { backend, strategy, seed, seconds: elapsed(), partial: false, placementBound: null, infeasibleRules: rules }) };
  };

  // The greedy CTE-first board, loaded optimally, is the first schedule and the warm start.
  const greedy = await pace.run(greedyBoardSteps(inst), 'building the greedy board');
  if (!greedy) return stopped(pace.reason!, 'building the greedy board');
  const greedyFix = new Map<number, number>();
  const onBoard = new Set(greedy.map(sectionKey));
  for (const v of form.vars.teach) greedyFix.set(v.col, onBoard.has(sectionKey(v)) ? 1 : 0);
  // The greedy CTE-first loader's schedule, read back as a solution, is the first incumbent.
  if (!(await pace.step('loading students on the greedy board'))) return stopped(pace.reason!, 'loading students on the greedy board');
  const loaderSchedule = loadGreedyBoard(inst, greedy);
  const loader = scheduleToValues(form, loaderSchedule, model.columns.length);
  if (checkFeasibility(model, loader, 1e-6).feasible) {
    values = loader;
    report('greedy loader', values, { bound: null, gap: null });
  }

  // A small program can be closed by the solver: there the whole program runs before the search.
  const small = model.columns.length <= SMALL_MODEL_COLUMNS;
  const large = model.columns.length > LARGE_MODEL_COLUMNS;
  const rank = { placement: 0, greedy: 1, whole: 2, search: 3, loading: 4 } as const;
  const order = small ? [...STAGES].sort((a, b) => rank[a.kind] - rank[b.kind]) : STAGES;
  for (const stage of order) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    // Keep a little time for loading, rooms and checking after the last stage.
    const remaining = Math.max(0.5, limit * 0.95 - elapsed());
    if (stage.kind === 'placement') {
      // Only where placement comes first, only while it is below its bound, and only on programs
      // large enough for it to pay (the 30-student fixture closes faster without it; the
      // 150-student one, 9,000 columns, placed 35 of 42 with it and 27 without).
      if (model.columns.length < PLACEMENT_SEARCH_COLUMNS || goal.placedWeight === 0 || combinatorial === null || form.terms.placed.length === 0 || reached(values)) continue;
      const t0 = elapsed();
      const program = placementProgram(inst, model.columns.map((c) => c.name));
      const found = await searchPlacement(program, values, model.columns.length, {
        backend,
        seed,
        now: elapsed,
        until: elapsed() + remaining * stage.timeShare,
        // A step of the placement program takes seconds (measured: 9 s for a pathway grade of the 300-student school).
        stepSeconds: Math.max(4, Math.min(20, limit * 0.15)),
        stepNodes: work.stepNodes,
        maxSteps: work.placementSteps,
        parallel: Math.max(1, options.parallel ?? 2),
        target,
        greedyBoard: onBoard,
        ...(options.signal ? { signal: options.signal } : {}),
        onImprove: (placed) => options.onProgress?.({ stage: stage.name, seconds: elapsed(), incumbent: placed, placementBound: combinatorial.value, bound: null, gap: null }),
      });
      if (!found) continue;
      runs.push({
        name: stage.name,
        status: `${found.placed} placed; ${searchStatus(found.lns)}`,
        timeCut: found.lns.stop === 'time-limit' || found.lns.timeCutSteps > 0,
        // Without an abort from outside, an interrupted placement search stopped itself at the bound.
        result: { termination: options.signal?.aborted ? 'interrupted' : found.lns.stop === 'interrupted' ? 'optimal' : searchTermination(found.lns), values: null, objective: found.placed, bound: null, gap: null, seconds: elapsed() - t0, backend },
      });
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      // Every student loaded on that board; the placement-only solution is a feasible start.
      const board = new Map([...boardColumns].map((c) => [c, found.values[c] ?? 0]));
      const loaded = staged(await solveTiers(fixColumns(model, board), goal, {
        backend,
        timeLimitSeconds: Math.max(0.5, limit * 0.95 - elapsed()) * 0.5,
        mipGap,
        seed,
        nodeLimit: work.stageNodes,
        start: found.values,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: streamProgress('placement loading'),
      }));
      runs.push({ name: 'placement loading', result: loaded });
      const better = [loaded.values, found.values].find((v) => v && checkFeasibility(model, v, 1e-6).feasible);
      if (better && (!values || beats(better, values) > 0)) [values, valuesFrom] = [better, better === loaded.values ? 'placement loading' : stage.name];
      report(stage.name, values, { bound: loaded.bound, gap: loaded.gap });
      if (loaded.termination === 'interrupted') {
        interrupted = true;
        break;
      }
      continue;
    }
    if (stage.kind === 'greedy' && runs.some((r) => r.name === 'placement loading')) continue;
    if (stage.kind === 'search') {
      if (!values || reached(values) && small || runs.some((r) => r.name === 'board' && r.result.termination === 'optimal')) continue;
      const t0 = elapsed();
      const lns = await improveBoard(form, model, goal, teachColumns, values, {
        backend,
        seed,
        now: elapsed,
        until: elapsed() + remaining * (large ? 1 : stage.timeShare),
        stepSeconds: Math.max(2, Math.min(20, limit * 0.1)),
        maxFree: Math.max(80, Math.round(form.vars.teach.length * 0.2)),
        maxTouched: Math.max(40, Math.min(120, Math.round(scenario.students.length * 0.1))),
        stepNodes: work.stepNodes,
        maxSteps: work.searchSteps,
        parallel: Math.max(1, options.parallel ?? 2),
        ...(options.signal ? { signal: options.signal } : {}),
        onImprove: (v) => report(stage.name, v, { bound: null, gap: null }),
        onStep: (v) => report(stage.name, v, { bound: null, gap: null }),
      });
      values = lns.values;
      if (lns.improvements > 0) valuesFrom = stage.name;
      const z = evaluate(goal.objective, values);
      runs.push({
        name: stage.name,
        status: searchStatus(lns),
        timeCut: lns.stop === 'time-limit' || lns.timeCutSteps > 0,
        result: { termination: searchTermination(lns), values, objective: z, bound: null, gap: null, seconds: elapsed() - t0, backend },
      });
      if (lns.stop === 'interrupted') {
        interrupted = true;
        break;
      }
      continue;
    }
    // Beyond small programs the whole program never improved a schedule here (its LP bound is the
    // total weight) and, cut by the clock, made the solve depend on the machine.
    if (stage.kind === 'whole' && (!small || reached(values) || remaining < 1)) continue;
    if (values && large) continue;
    const fixed = stage.kind === 'greedy' ? greedyFix : stage.kind === 'loading' && values ? new Map([...boardColumns].map((c) => [c, values![c] ?? 0])) : null;
    if (stage.kind === 'loading' && !values) break;
    const timeLimitSeconds = stage.kind === 'loading' ? remaining : Math.max(0.5, remaining * stage.timeShare);
    const stageModel = fixed ? fixColumns(model, fixed) : model;
    const result = staged(await solveTiers(stageModel, goal, {
      backend,
      timeLimitSeconds,
      mipGap,
      seed,
      nodeLimit: work.stageNodes,
      ...(values ? { start: values } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: streamProgress(stage.name),
    }));
    runs.push({ name: stage.name, result });
    if (result.termination === 'infeasible' && !fixed) return infeasible();
    // A later stage keeps the earlier schedule unless it found one at least as good.
    if (result.values && (!values || beats(result.values, values) >= 0)) [values, valuesFrom] = [result.values, stage.name];
    report(stage.name, values, { bound: result.bound, gap: result.gap });
    if (result.termination === 'interrupted') {
      interrupted = true;
      break;
    }
  }
  // The greedy board may leave the program infeasible (e.g. a lock it could not honour): then the whole program decides.
  if (!values && !interrupted && !options.signal?.aborted && !runs.some((r) => r.name === 'board')) {
    const result = staged(await solveTiers(model, goal, { backend, timeLimitSeconds: Math.max(0.5, limit * 0.95 - elapsed()), mipGap, seed, ...(options.signal ? { signal: options.signal } : {}), onProgress: streamProgress('board') }));
    runs.push({ name: 'board', result });
    if (result.termination === 'infeasible') return infeasible();
    [values, valuesFrom] = [result.values, 'board'];
    if (result.termination === 'interrupted') interrupted = true;
  }

  const placementBound = placementBoundOf(form, goal, runs, combinatorial);
  if (!values) {
    const last = runs.at(-1)?.result;
    const message = last?.message ?? (last ? `the ${backend} solver stopped (${last.termination}) before finding any schedule` : 'the solve was interrupted before it started');
    return { status: 'no-schedule', message, solver: solverFigures(runs, { backend, strategy, seed, seconds: elapsed(), partial: interrupted, placementBound }) };
  }

  // The guard (src/engine/realise.ts): the named schedule, judged by the checker in the program's
  // tiers, must reach the program's value; a shortfall is repaired by re-solving the board's
  // loading with the short groups split, else reported with both values and never as optimal.
  const guard = !interrupted && !options.signal?.aborted ? { backend, timeLimitSeconds: Math.max(1, limit - elapsed()), mipGap, seed, nodeLimit: work.stageNodes, ...(options.signal ? { signal: options.signal } : {}) } : null;
  const { named, promised, repair, repaired } = await guardedSchedule(form, goal, strategy, values, guard);
  if (repair) runs.push({ name: 'loading, short groups split', result: repair });
  // The greedy CTE-first loader's schedule competes too; the checker's verdict and tiers decide.
  const fallback = judge(scenario, loaderSchedule, goal.tiers);
  const kept = better(named, fallback);
  const { schedule, checked, tiers } = kept;
  const shortfall = compareTierValues(tiers, promised) < 0;
  const partial = interrupted || runs.some((r) => r.result.termination === 'interrupted') || runs.some((r) => r.name !== 'search' && r.result.termination === 'time-limit');
  const figures = solverFigures(runs, { backend, strategy, seed, seconds: elapsed(), partial, placementBound });
  // The program is a relaxation: its optimum is the schedule's optimum only if the checked count reaches the bound.
  const reachedBound = placementBound === null || checked.figures.pathwayPlaced.count >= placementBound.value;
  const weigh = (t: readonly number[]) => t.reduce((sum, v, i) => sum + v * (goal.weights[i] ?? 0), 0);
  const solver: SolverFigures = {
    ...figures,
    schedule: figures.schedule === 'optimal' && (!reachedBound || shortfall) ? 'feasible' : figures.schedule,
    // The schedule's own value, from the checker's figures, in the program's weights.
    objective: weigh(tiers),
    ...(shortfall ? { programObjective: weigh(promised) } : {}),
    tiers: goal.tiers.map((t, i) => ({ name: t.name, schedule: tiers[i] ?? 0, program: promised[i] ?? 0 })),
    delivered: kept === fallback ? 'greedy loader' : repaired ? 'loading, short groups split' : valuesFrom,
  };
  const solution = { format: SOLUTION_FORMAT as typeof SOLUTION_FORMAT, scenario: scenario.name, ...schedule };
  const reportOut = buildReport(checked.figures, explainNotPlaced(scenario, solution), solver);
  return { status: 'scheduled', solution: { ...solution, report: reportOut }, check: checked };
}

/** The search's stop in the report's words. */
function searchStatus(lns: LnsOutcome): string {
  const cut = lns.cutSteps > 0 ? `, ${lns.cutSteps} cut by the step limit${lns.timeCutSteps > 0 ? ` (${lns.timeCutSteps} by the clock)` : ''}` : '';
  return `${lns.stop} after ${lns.steps} steps, ${lns.improvements} improving${cut}`;
}

/** A search's stop as a termination: its step budget is a work limit like a node limit. */
function searchTermination(lns: LnsOutcome): MipResult['termination'] {
  return lns.stop === 'interrupted' ? 'interrupted' : lns.stop === 'time-limit' ? 'time-limit' : lns.stop === 'step-limit' ? 'node-limit' : 'optimal';
}

/** The better of two judged schedules: a valid one, then the higher tiers; ties keep the program's. */
function better(program: Judged, other: Judged): Judged {
  if (program.checked.valid !== other.checked.valid) return program.checked.valid ? program : other;
  return compareTierValues(other.tiers, program.tiers) > 0 ? other : program;
}

/**
 * An upper bound on pathway students placed that no valid schedule can exceed: the combinatorial
 * bound (members, cohort seats, members whose requests cannot all run), tightened by the whole
 * program's proven bound when that stage ran (its program is a relaxation of the schedules with
 * the planned section counts).
 */
function placementBoundOf(form: Formulation, goal: StrategyObjective, runs: readonly StageRun[], combinatorial: PlacementBound | null): SolverFigures['placementBound'] {
  if (combinatorial === null) return null;
  if (form.terms.placed.length === 0) return { value: 0, source: 'no pathway grade has cohort courses to place' };
  let bound: PlacementBound = combinatorial;
  const board = runs.find((r) => r.name === 'board')?.result;
  if (goal.placedWeight > 0 && board && board.bound !== null) {
    // bound ≥ weight·placed + (later terms ≥ 0), so placed ≤ ⌊bound / weight⌋ for every schedule.
    const value = Math.floor(board.bound / goal.placedWeight + 1e-9);
    if (value < bound.value) bound = { value, source: `${board.backend} bound of the whole program (sections per course as planned)` };
  }
  return bound;
}

function solverFigures(
  runs: readonly StageRun[],
  meta: { backend: string; strategy: string; seed: number; seconds: number; partial: boolean; placementBound: SolverFigures['placementBound']; infeasibleRules?: string[] },
): SolverFigures {
  const last = runs.at(-1)?.result;
  const whole = runs.find((r) => r.name === 'board')?.result;
  const termination: SolverFigures['termination'] = meta.infeasibleRules
    ? 'infeasible'
    : runs.some((r) => r.result.termination === 'interrupted')
      ? 'interrupted'
      : runs.some((r) => r.result.termination === 'time-limit')
        ? 'time-limit'
        : runs.some((r) => r.result.termination === 'node-limit')
          ? 'work-limit'
          : last?.termination === 'gap-reached'
          ? 'gap-reached'
          : last?.termination === 'optimal'
            ? 'optimal'
            : 'error';
  const hasValues = runs.some((r) => r.result.values);
  return {
    backend: meta.backend,
    strategy: meta.strategy,
    seed: meta.seed,
    termination,
    // Only the whole program proves the objective optimal; the search and the greedy board do not.
    schedule: !hasValues ? 'none' : whole?.termination === 'optimal' && (last?.termination ?? 'optimal') === 'optimal' ? 'optimal' : 'feasible',
    partial: meta.partial,
    objective: last?.objective ?? null,
    bound: last?.bound ?? null,
    gap: last?.gap ?? null,
    placementBound: meta.placementBound,
    // Only the clock makes a solve depend on the machine: work limits (nodes, steps) do not.
    reproducible: !runs.some((r) => r.timeCut || r.result.termination === 'time-limit' || r.result.termination === 'interrupted'),
    seconds: Math.round(meta.seconds * 100) / 100,
    stages: runs.map((r) => ({ name: r.name, status: r.status ?? r.result.termination, seconds: Math.round(r.result.seconds * 100) / 100, objective: r.result.objective, bound: r.result.bound })),
    ...(meta.infeasibleRules ? { infeasibleRules: meta.infeasibleRules } : {}),
  };
}

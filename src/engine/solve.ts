/**
 * The engine end to end: scenario → integer program (solved in a worker, stage by stage) →
 * board and named students in sections → rooms → greedy completion → the independent checker's
 * figures → the report.
 */
import type { MipModel, MipRow } from '../../solver/mip.js';
import type { MipResult } from '../../solver/backend.js';
import { solveMip } from '../../solver/run.js';
import { check, type CheckResult } from '../checker/index.js';
import { buildReport, explainNotPlaced } from '../report/index.js';
import type { Scenario, SolverName, Strategy } from '../scenario/schema.js';
import { SOLUTION_FORMAT, type SolverFigures, type Solution } from '../solution/schema.js';
import { buildInstance, type Instance } from '../model/instance.js';
import { evaluate, formulate, type Formulation } from '../model/formulation.js';
import { decode } from '../model/decode.js';
import { stagesFor } from './stages.js';
import { buildSchedule } from './schedule.js';
import { findInfeasibleRules } from './infeasibility.js';

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
}

export interface SolveProgress {
  readonly stage: string;
  readonly seconds: number;
  /** Incumbent value of the stage's objective (pathway students placed in the placement stage). */
  readonly incumbent: number | null;
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
  | { readonly status: 'infeasible'; readonly rules: readonly string[]; readonly solver: SolverFigures }
  | { readonly status: 'no-schedule'; readonly message: string; readonly solver: SolverFigures };

interface StageRun {
  readonly name: string;
  readonly result: MipResult;
}

function withFloor(model: MipModel, name: string, expr: ReadonlyArray<readonly [number, number]>, floor: number): MipModel {
  const row: MipRow = { name, cols: expr.map(([c]) => c), coefs: expr.map(([, v]) => v), lb: floor, ub: Infinity };
  return { ...model, rows: [...model.rows, row] };
}

/**
 * Builds a master schedule for the scenario.
 * @returns an outcome; it throws only for programming or environment errors.
 */
export async function solve(scenario: Scenario, options: SolveOptions = {}): Promise<SolveOutcome> {
  const started = performance.now();
  const policy = scenario.policy;
  const strategy = options.strategy ?? policy.strategy;
  const backend = options.solver ?? policy.solver;
  const limit = options.timeLimitSeconds ?? policy.timeLimitSeconds;
  const mipGap = options.mipGap ?? policy.mipGap;
  const seed = options.seed ?? policy.seed;
  const elapsed = () => (performance.now() - started) / 1000;

  const inst = buildInstance(scenario);
  const form = formulate(inst);
  const stages = stagesFor(strategy, form.terms);
  const runs: StageRun[] = [];
  let model = form.builder.build('max', []);
  let values: number[] | null = null;
  let interrupted = false;

  for (const [i, stage] of stages.entries()) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    // Keep a little time for loading, rooms and checking after the last stage.
    const remaining = Math.max(0.5, limit * 0.95 - elapsed());
    const timeLimitSeconds = i === stages.length - 1 ? remaining : Math.max(0.5, remaining * stage.timeShare);
    const stageModel: MipModel = { ...model, columns: model.columns.map((c) => ({ ...c, obj: 0 })) };
    const objective = new Map<number, number>();
    for (const [c, v] of stage.objective) objective.set(c, (objective.get(c) ?? 0) + v);
    const withObjective: MipModel = { ...stageModel, columns: stageModel.columns.map((c, j) => ({ ...c, obj: objective.get(j) ?? 0 })) };
    const result = await solveMip(withObjective, {
      backend,
      timeLimitSeconds,
      mipGap,
      seed,
      ...(values ? { start: values } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.onProgress?.({ stage: stage.name, seconds: elapsed(), incumbent: p.objective, bound: p.bound, gap: p.gap }),
    });
    runs.push({ name: stage.name, result });
    if (result.termination === 'infeasible' && i === 0) {
      const rules = await findInfeasibleRules(withObjective, { backend, seed, timeLimitSeconds: Math.max(5, limit - elapsed()) });
      return { status: 'infeasible', rules, solver: solverFigures(runs, { backend, strategy, seed, seconds: elapsed(), partial: false, placementBound: null, infeasibleRules: rules }) };
    }
    if (result.values) values = result.values;
    if (result.termination === 'interrupted') {
      interrupted = true;
      break;
    }
    if (!result.values) break;
    // Hold what this stage achieved while later stages optimise their own objective.
    const achieved = Math.floor(evaluate(stage.objective, result.values) + 1e-6);
    model = withFloor(model, `floor[${stage.name}]`, stage.objective, achieved);
  }

  const placementBound = placementBoundOf(inst, form, strategy, runs);
  if (!values) {
    const last = runs.at(-1)?.result;
    const message = last?.message ?? (last ? `the ${backend} solver stopped (${last.termination}) before finding any schedule` : 'the solve was interrupted before it started');
    return { status: 'no-schedule', message, solver: solverFigures(runs, { backend, strategy, seed, seconds: elapsed(), partial: interrupted, placementBound }) };
  }

  const schedule = buildSchedule(inst, decode(form, values));
  const checked = check(scenario, schedule);
  const partial = interrupted || runs.some((r) => r.result.termination === 'time-limit' || r.result.termination === 'interrupted');
  const figures = solverFigures(runs, { backend, strategy, seed, seconds: elapsed(), partial, placementBound });
  // The program is a relaxation: its optimum is the schedule's optimum only if the checked count reaches the bound.
  const reached = placementBound === null || checked.figures.pathwayPlaced.count >= placementBound.value;
  const solver: SolverFigures = figures.schedule === 'optimal' && !reached ? { ...figures, schedule: 'feasible' } : figures;
  const solution = { format: SOLUTION_FORMAT as typeof SOLUTION_FORMAT, scenario: scenario.name, ...schedule };
  const report = buildReport(checked.figures, explainNotPlaced(scenario, solution), solver);
  return { status: 'scheduled', solution: { ...solution, report }, check: checked };
}

/**
 * An upper bound on pathway students placed that no valid schedule can exceed: the seats in
 * cohorts, tightened by the placement stage's proven bound when that stage ran (its program is a
 * relaxation of the schedules with the planned section counts).
 */
function placementBoundOf(inst: Instance, form: Formulation, strategy: Strategy, runs: readonly StageRun[]): SolverFigures['placementBound'] {
  const members = inst.groups.filter((g) => g.pathway).reduce((s, g) => s + g.students.length, 0);
  if (members === 0) return null;
  let value = members;
  let source = 'pathway students';
  if (form.terms.placed.length === 0) return { value: 0, source: 'no pathway grade has cohort courses to place' };
  const first = runs[0];
  if (strategy === 'cte-first' && first && first.result.bound !== null) {
    const b = Math.floor(first.result.bound + 1e-6);
    if (b < value) {
      value = b;
      source = `${first.result.backend} bound of the placement stage (sections per course as planned)`;
    }
  } else if (strategy === 'cte-first' && first?.result.termination === 'optimal' && first.result.objective !== null) {
    value = Math.round(first.result.objective);
    source = `${first.result.backend} proved the placement stage optimal`;
  }
  return { value, source };
}

function solverFigures(
  runs: readonly StageRun[],
  meta: { backend: string; strategy: string; seed: number; seconds: number; partial: boolean; placementBound: SolverFigures['placementBound']; infeasibleRules?: string[] },
): SolverFigures {
  const last = runs.at(-1)?.result;
  const termination: SolverFigures['termination'] = meta.infeasibleRules
    ? 'infeasible'
    : runs.some((r) => r.result.termination === 'interrupted')
      ? 'interrupted'
      : runs.some((r) => r.result.termination === 'time-limit')
        ? 'time-limit'
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
    schedule: !hasValues ? 'none' : runs.every((r) => r.result.termination === 'optimal') ? 'optimal' : 'feasible',
    partial: meta.partial,
    objective: last?.objective ?? null,
    bound: last?.bound ?? null,
    gap: last?.gap ?? null,
    placementBound: meta.placementBound,
    seconds: Math.round(meta.seconds * 100) / 100,
    stages: runs.map((r) => ({ name: r.name, status: r.result.termination, seconds: Math.round(r.result.seconds * 100) / 100, objective: r.result.objective, bound: r.result.bound })),
    ...(meta.infeasibleRules ? { infeasibleRules: meta.infeasibleRules } : {}),
  };
}

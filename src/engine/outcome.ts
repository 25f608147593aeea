/**
 * What a solve returns: the outcome union, the solver's figures for the report (why it stopped,
 * whether a schedule exists and is proven optimal, the bound on pathway placement, the stages),
 * and the last step that turns the incumbent program solution into the delivered schedule.
 */
import type { MipResult } from '../../solver/backend.js';
import type { CheckResult } from '../checker/index.js';
import { buildReport } from '../report/index.js';
import { SOLUTION_FORMAT, type SolverFigures, type Solution } from '../solution/schema.js';
import { compareTierValues } from '../model/objective.js';
import type { LnsOutcome } from '../board/lns.js';
import type { StopReason } from './pace.js';
import type { Settings } from './settings.js';
import type { SolveRun } from './run-state.js';
import { guardedSchedule, tierCeilings } from './realise.js';
import { deliveredSchedule } from './delivery.js';
import { diagnoseInfeasibility, type InfeasibilityDiagnosis } from './infeasibility.js';

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

/**
 * What kind of solve a run was: a stage kind (src/engine/stages.ts), the loading of every student
 * on the placement search's board, or the guard's repair of a loading (src/engine/realise.ts).
 */
export type RunKind = 'placement' | 'placement loading' | 'greedy' | 'search' | 'whole' | 'loading' | 'repair';

/** One solve of a stage, as the report lists it. */
export interface StageRun {
  readonly kind: RunKind;
  /** The name shown in the report. */
  readonly name: string;
  readonly result: MipResult;
  /** Status shown in the report when it is not the solver's own (the search stages). */
  readonly status?: string;
  /** A search step or the search itself was cut by the clock rather than by its work limit. */
  readonly timeCut?: boolean;
  /** The search ended by its stall rule: every family of neighbourhoods tried without improvement. */
  readonly stall?: boolean;
}

const seconds = (s: number) => Math.round(s * 100) / 100;

/** Stopped before any schedule existed (while reading the school or building the program). */
export function stoppedBefore(settings: Settings, reason: StopReason, doing: string): SolveOutcome {
  const { backend, strategy, seed, limit } = settings;
  return {
    status: 'no-schedule',
    message:
      reason === 'interrupted'
        ? `stopped while ${doing}, before any schedule existed`
        : `the time limit (${limit} s) ran out while ${doing}, before any schedule existed; allow more time (--time-limit, or policy.timeLimitSeconds)`,
    solver: {
      backend,
      strategy,
      seed,
      termination: reason,
      schedule: 'none',
      partial: reason === 'interrupted',
      objective: null,
      bound: null,
      gap: null,
      placementBound: null,
      placementGap: null,
      placementProven: false,
      reproducible: false,
      seconds: seconds((performance.now() - settings.started) / 1000),
      stages: [],
    },
  };
}

/** No schedule keeps every hard rule: a minimal set of rules to relax (teacher unavailability and rooms included). */
export async function infeasibleOutcome(run: SolveRun): Promise<SolveOutcome> {
  const { scenario, backend, strategy, seed, limit } = run.settings;
  const diagnosis = await diagnoseInfeasibility(scenario, { backend, seed, timeLimitSeconds: Math.max(5, limit - run.elapsed()) });
  const rules = diagnosis.groups.length > 0 ? diagnosis.groups.map((g) => g.label) : [diagnosis.summary];
  return {
    status: 'infeasible',
    rules,
    diagnosis,
    solver: solverFigures(run.runs, {
      backend,
      strategy,
      seed,
      seconds: run.elapsed(),
      partial: false,
      interrupted: false,
      proven: false,
      placementBound: null,
      placed: null,
      infeasibleRules: rules,
    }),
  };
}

/** The solve ended without any program solution. */
export function noSchedule(run: SolveRun): SolveOutcome {
  const { backend, strategy, seed } = run.settings;
  const last = run.runs.at(-1)?.result;
  const message =
    last?.message ?? (last ? `the ${backend} solver stopped (${last.termination}) before finding any schedule` : 'the solve was interrupted before it started');
  const interrupted = run.interrupted || run.aborted();
  return {
    status: 'no-schedule',
    message,
    solver: solverFigures(run.runs, {
      backend,
      strategy,
      seed,
      seconds: run.elapsed(),
      partial: interrupted,
      interrupted,
      proven: false,
      placementBound: placementBoundOf(run),
      placed: null,
    }),
  };
}

/**
 * The delivered schedule: the incumbent's named students (after the guard of src/engine/realise.ts)
 * or the greedy loader's schedule, whichever the checker finds better, with its report.
 */
export async function deliver(run: SolveRun): Promise<SolveOutcome> {
  const { scenario, strategy, backend, seed, limit, mipGap, work, signal } = run.settings;
  const { form, goal } = run.program;
  const values = run.values;
  if (!values) return noSchedule(run);
  const placementBound = placementBoundOf(run);
  // The guard (src/engine/realise.ts): the named schedule, judged by the checker in the program's
  // tiers, must reach the program's value; a shortfall is repaired by re-solving the board's
  // loading with the short groups split, else reported with both values and never as optimal.
  const guard =
    !run.interrupted && !run.aborted()
      ? { backend, timeLimitSeconds: Math.max(1, limit - run.elapsed()), mipGap, seed, nodeLimit: work.stageNodes, ...(signal ? { signal } : {}) }
      : null;
  const { named, promised, repair, repaired } = await guardedSchedule(form, goal, strategy, values, guard);
  if (repair) run.runs.push({ kind: 'repair', name: 'loading, short groups split', result: repair });
  // Every schedule the run held competes (src/engine/delivery.ts); the checker's verdict and tiers decide.
  const kept = deliveredSchedule(run, { judged: named, from: repaired ? 'loading, short groups split' : run.from });
  const { schedule, checked, tiers } = kept.judged;
  const shortfall = compareTierValues(tiers, promised) < 0;
  const runs = run.runs;
  const interrupted = run.interrupted || run.aborted() || runs.some((r) => r.result.termination === 'interrupted');
  const partial = interrupted || runs.some((r) => r.kind !== 'search' && r.result.termination === 'time-limit');
  const weigh = (t: readonly number[]) => t.reduce((sum, v, i) => sum + v * (goal.weights[i] ?? 0), 0);
  const objective = weigh(tiers);
  // Every tier at its ceiling (placement at its bound, every request met) proves the schedule without a solve.
  const ceiling = weigh(tierCeilings(scenario, schedule, goal.tiers, placementBound?.value ?? 0));
  const figures = solverFigures(runs, {
    backend,
    strategy,
    seed,
    seconds: run.elapsed(),
    partial,
    interrupted,
    proven: provenOptimal(runs, objective, ceiling),
    placementBound,
    placed: checked.figures.pathwayPlaced.count,
  });
  const solver: SolverFigures = {
    ...figures,
    // A schedule is delivered, so there is one even when no stage's run returned its own (an interrupted search).
    schedule: figures.schedule === 'none' ? 'feasible' : figures.schedule,
    // The schedule's own value, from the checker's figures, in the program's weights.
    objective,
    ...(shortfall ? { programObjective: weigh(promised) } : {}),
    tiers: goal.tiers.map((t, i) => ({ name: t.name, schedule: tiers[i] ?? 0, program: promised[i] ?? 0 })),
    delivered: kept.from,
    // The final loading's board is delivered: its planned sections that fit nowhere are reported.
    ...(kept.judged === named && run.missingSections.length > 0 ? { sectionsNotPlaced: [...run.missingSections] } : {}),
  };
  const solution = { format: SOLUTION_FORMAT as typeof SOLUTION_FORMAT, scenario: scenario.name, ...schedule };
  const reportOut = buildReport(scenario, solution, checked.figures, solver);
  return { status: 'scheduled', solution: { ...solution, report: reportOut }, check: checked };
}

/**
 * The search's stop in the report's words; `stop` names it when the search's own word would
 * mislead (a placement search that stopped itself at its bound ends `interrupted`).
 */
export function searchStatus(lns: LnsOutcome, stop: string = lns.stop): string {
  const cut = lns.cutSteps > 0 ? `, ${lns.cutSteps} cut by the step limit${lns.timeCutSteps > 0 ? ` (${lns.timeCutSteps} by the clock)` : ''}` : '';
  return `${stop} after ${lns.steps} steps, ${lns.improvements} improving${cut}`;
}

/** A search's stop as a termination: its step budget is a work limit like a node limit. */
export function searchTermination(lns: LnsOutcome): MipResult['termination'] {
  return lns.stop === 'interrupted' ? 'interrupted' : lns.stop === 'time-limit' ? 'time-limit' : lns.stop === 'step-limit' ? 'node-limit' : 'optimal';
}

/**
 * An upper bound on pathway students placed that no valid schedule can exceed: the combinatorial
 * bound (members, cohort seats, members whose requests cannot all run), tightened by the whole
 * program's proven bound when that stage ran (its program is a relaxation of the schedules with
 * the planned section counts).
 */
function placementBoundOf(run: SolveRun): SolverFigures['placementBound'] {
  if (run.bound === null) return null;
  if (run.program.form.terms.placed.length === 0) return { value: 0, source: 'no pathway grade has cohort courses to place' };
  // Only the bound of src/bound/ (no planned section counts) is shown: the whole program's solver
  // bound holds for the planned section counts only, and on tiny-ab a schedule with one more
  // Biology section places more than it allows (the brute-force oracle of test/helpers).
  return run.bound;
}

/**
 * Whether a schedule of weighted value `objective` (the checker's tiers in the whole program's
 * weights) is proven optimal: a solve of the whole program, its board free, returned a bound on
 * that scale that the schedule reaches (integral weights: the optimum is at most ⌊bound⌋), or
 * the schedule reaches `ceiling`, the weighted tier ceilings ({@link tierCeilings}).
 */
export function provenOptimal(runs: readonly StageRun[], objective: number, ceiling = Infinity): boolean {
  return objective >= ceiling || runs.some((r) => r.kind === 'whole' && r.result.bound !== null && objective >= Math.floor(r.result.bound + 1e-6));
}

/** The solver's figures of the runs so far. */
export function solverFigures(
  runs: readonly StageRun[],
  meta: {
    backend: string;
    strategy: string;
    seed: number;
    seconds: number;
    partial: boolean;
    /** Stopped from outside (Ctrl-C), between stages or within one. */
    interrupted: boolean;
    /** The delivered schedule is proven optimal for the whole objective ({@link provenOptimal}). */
    proven: boolean;
    placementBound: SolverFigures['placementBound'];
    /** Pathway students the delivered schedule places (the checker's count), or null without a schedule. */
    placed: number | null;
    infeasibleRules?: string[];
  },
): SolverFigures {
  const last = runs.at(-1)?.result;
  // Why the solve stopped: the first of these that holds.
  const termination: SolverFigures['termination'] = meta.infeasibleRules
    ? 'infeasible'
    : meta.interrupted
      ? 'interrupted'
      : meta.proven
        ? 'optimal'
        : runs.some((r) => r.timeCut || r.result.termination === 'time-limit')
          ? 'time-limit'
          : runs.some((r) => r.result.termination === 'node-limit')
            ? 'work-limit'
            : runs.some((r) => r.stall)
              ? 'local-optimum'
              : meta.placementBound !== null && meta.placed !== null && meta.placed >= meta.placementBound.value
                ? 'bound-reached'
                : last?.termination === 'gap-reached'
                  ? 'gap-reached'
                  : runs.some((r) => r.result.values) || last?.termination === 'optimal'
                    ? 'work-limit'
                    : 'error';
  const hasValues = runs.some((r) => r.result.values);
  const bound = meta.placementBound;
  return {
    backend: meta.backend,
    strategy: meta.strategy,
    seed: meta.seed,
    termination,
    schedule: !hasValues && meta.placed === null ? 'none' : meta.proven ? 'optimal' : 'feasible',
    partial: meta.partial,
    objective: last?.objective ?? null,
    bound: last?.bound ?? null,
    gap: last?.gap ?? null,
    placementBound: bound,
    placementGap: bound === null || meta.placed === null ? null : bound.value === 0 ? 0 : Math.max(0, (bound.value - meta.placed) / bound.value),
    placementProven: bound !== null && meta.placed !== null && meta.placed >= bound.value,
    // Only the clock makes a schedule depend on the machine: work limits (nodes, steps) do not.
    // The placement bound's clock does not count: the search steers by its clock-free counting
    // part (SolveRun.target), and a bound the clock cut says so in its source.
    reproducible: !runs.some((r) => r.timeCut || r.result.termination === 'time-limit' || r.result.termination === 'interrupted'),
    seconds: seconds(meta.seconds),
    stages: runs.map((r) => ({
      name: r.name,
      status: r.status ?? r.result.termination,
      seconds: seconds(r.result.seconds),
      objective: r.result.objective,
      bound: r.result.bound,
    })),
    ...(meta.infeasibleRules ? { infeasibleRules: meta.infeasibleRules } : {}),
  };
}

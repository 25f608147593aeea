/**
 * One runner per stage kind (src/engine/stages.ts). A runner decides whether its stage has
 * anything to do on this solve, runs it, records its solves in the run's `runs`, and offers what
 * it found as the incumbent. It answers how the solve goes on: with the next stage, stopped (an
 * interrupt), or as infeasible (the whole program has no solution).
 */
import { fixColumns, type MipModel } from '../../solver/mip.js';
import { improveBoard } from '../board/lns.js';
import { boardSearchFamilies } from '../board/neighbourhoods.js';
import { addPlannedSections } from '../board/planned-sections.js';
import { evaluate } from '../model/formulation.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import type { Stage } from './stages.js';
import { LARGE_MODEL_COLUMNS, PLACEMENT_SEARCH_COLUMNS, SMALL_MODEL_COLUMNS, WHOLE_PLACEMENT_COLUMNS } from './stages.js';
import type { SolveRun } from './run-state.js';
import { searchStatus, searchTermination } from './outcome.js';
import { solveTiers } from '../board/tiers.js';
import { boardColumnsOf, placementProgram, searchPlacement } from './placement.js';

/** How the solve goes on after a stage. */
export type StageEnd = 'next' | 'stop' | 'infeasible';

export type StageRunner = (run: SolveRun, stage: Stage) => Promise<StageEnd>;

/**
 * A board's loading is the whole program with the board's columns (sections and common planning
 * slots) held at their values in the start, which carries the board. Only the free part goes to
 * the solver (src/board/tiers.ts), and with the board held the seats of every section not on it
 * are forced to 0 and held too (solver/submodel.ts): on the 3,500-student benchmark school the
 * worker receives 247,071 columns and 130,624 rows instead of 458,174 and 179,332.
 */
const boardHeld = (run: SolveRun): ReadonlySet<number> => boardColumnsOf(run.program.form);

/**
 * Placement search (src/engine/placement.ts), then every student loaded on its board. Only where
 * placement comes first, only while it is below its bound, and only on programs large enough for
 * it to pay (the 30-student fixture closes faster without it; the 150-student one, 9,000
 * columns, placed 35 of 42 with it and 27 without).
 */
const placement: StageRunner = async (run, stage) => {
  const { program, settings } = run;
  const { model, form, inst } = program;
  if (
    model.columns.length < PLACEMENT_SEARCH_COLUMNS ||
    program.goal.placedWeight === 0 ||
    run.target === null ||
    form.terms.placed.length === 0 ||
    run.reached(run.values)
  )
    return 'next';
  const target = run.target;
  const t0 = run.elapsed();
  const remaining = run.remaining();
  const placementModel = placementProgram(
    inst,
    model.columns.map((c) => c.name),
  );
  const found = await searchPlacement(placementModel, run.values, model.columns.length, {
    backend: settings.backend,
    seed: settings.seed,
    now: () => run.elapsed(),
    until: run.elapsed() + remaining * stage.timeShare,
    // A step of the placement program takes seconds (measured: 9 s for a pathway grade of the 300-student school).
    stepSeconds: Math.max(4, Math.min(20, settings.limit * 0.15)),
    stepNodes: settings.work.stepNodes,
    maxSteps: settings.work.placementSteps,
    wholeColumns: settings.work.wholePlacementColumns ?? WHOLE_PLACEMENT_COLUMNS,
    parallel: settings.parallel,
    target,
    greedyBoard: run.greedy.onBoard,
    ...(settings.signal ? { signal: settings.signal } : {}),
    onImprove: (placed) => {
      run.reportPlaced(stage.name, placed);
    },
  });
  if (!found) return 'next';
  // Without an abort from outside, an interrupted placement search stopped itself at the bound.
  const atBound = !run.aborted() && found.lns.stop === 'interrupted';
  run.runs.push({
    kind: 'placement',
    name: stage.name,
    status: `${found.placed} placed; ${searchStatus(found.lns, atBound ? 'bound reached' : found.lns.stop)}`,
    timeCut: found.lns.stop === 'time-limit' || found.lns.timeCutSteps > 0,
    stall: found.lns.stop === 'local-optimum',
    result: {
      termination: run.aborted() ? 'interrupted' : atBound ? 'optimal' : searchTermination(found.lns),
      values: null,
      objective: found.placed,
      bound: null,
      gap: null,
      seconds: run.elapsed() - t0,
      backend: settings.backend,
    },
  });
  if (run.aborted()) {
    // Stopped before its board was loaded: the board, with its pathway students placed, is still
    // delivered if the checker finds it better once the loader has seated everyone else.
    run.setAside.push({ values: found.values, from: stage.name });
    run.interrupted = true;
    return 'stop';
  }
  // Every student loaded on that board; the placement-only solution is a feasible start.
  const loaded = run.staged(
    await solveTiers(model, program.goal, {
      ...run.solverOptions(),
      timeLimitSeconds: run.remaining() * 0.5,
      nodeLimit: settings.work.stageNodes,
      start: found.values,
      held: boardHeld(run),
      holdForcedZeros: true,
      onProgress: run.stream('placement loading'),
    }),
  );
  run.runs.push({ kind: 'placement loading', name: 'placement loading', result: loaded });
  const better = [loaded.values, found.values].find((v) => v && checkFeasibility(model, v, 1e-6).feasible);
  // A loading cut by the clock may name a worse schedule than the board with the loader's seating: both stay candidates.
  if (better === loaded.values) run.setAside.push({ values: found.values, from: stage.name });
  if (better && (!run.values || run.beats(better, run.values) > 0)) run.replace(better, better === loaded.values ? 'placement loading' : stage.name);
  run.report(stage.name, run.values, { bound: loaded.bound, gap: loaded.gap });
  if (loaded.termination === 'interrupted') {
    run.interrupted = true;
    return 'stop';
  }
  return 'next';
};

/** Large-neighbourhood search on the board (src/board/lns.ts). */
const search: StageRunner = async (run, stage) => {
  const { program, settings } = run;
  const small = program.model.columns.length <= SMALL_MODEL_COLUMNS;
  const large = program.model.columns.length > LARGE_MODEL_COLUMNS;
  if (!run.values || (run.reached(run.values) && small) || run.runs.some((r) => r.kind === 'whole' && r.result.termination === 'optimal')) return 'next';
  const t0 = run.elapsed();
  const remaining = run.remaining();
  // Only the final loading follows: it solves a board's loading, as the greedy board's or the
  // placement search's loading did, so twice their time is left for it (at most the stage's share).
  const loadings = run.runs.filter((r) => r.kind === 'greedy' || r.kind === 'placement loading').map((r) => r.result.seconds);
  const reserve = large ? 0 : Math.min(remaining * (1 - stage.timeShare), Math.max(0.5, 2 * Math.max(0, ...loadings)));
  const teachColumns = new Set(program.form.vars.teach.map((v) => v.col));
  const maxFree = Math.max(80, Math.round(program.form.vars.teach.length * 0.2));
  const maxTouched = Math.max(40, Math.min(120, Math.round(settings.scenario.students.length * 0.1)));
  const lns = await improveBoard(program.form, program.model, program.goal, teachColumns, run.values, {
    backend: settings.backend,
    seed: settings.seed,
    now: () => run.elapsed(),
    until: run.elapsed() + remaining - reserve,
    stepSeconds: Math.max(2, Math.min(20, settings.limit * 0.1)),
    maxFree,
    maxTouched,
    families: boardSearchFamilies(program.form, maxFree, maxTouched, settings.seed),
    stepNodes: settings.work.stepNodes,
    maxSteps: settings.work.searchSteps,
    parallel: settings.parallel,
    ...(settings.signal ? { signal: settings.signal } : {}),
    onImprove: (v) => {
      run.report(stage.name, v, { bound: null, gap: null });
    },
    onStep: (v) => {
      run.report(stage.name, v, { bound: null, gap: null });
    },
  });
  if (lns.improvements > 0) run.replace(lns.values, stage.name);
  run.runs.push({
    kind: 'search',
    name: stage.name,
    status: searchStatus(lns),
    timeCut: lns.stop === 'time-limit' || lns.timeCutSteps > 0,
    stall: lns.stop === 'local-optimum',
    result: {
      termination: searchTermination(lns),
      values: lns.values,
      objective: evaluate(program.goal.objective, lns.values),
      bound: null,
      gap: null,
      seconds: run.elapsed() - t0,
      backend: settings.backend,
    },
  });
  if (lns.stop === 'interrupted') {
    run.interrupted = true;
    return 'stop';
  }
  return 'next';
};

/**
 * One solve of the program (its board fixed or not) under the strategy's tiers, warm-started
 * from the incumbent; a later stage keeps the earlier schedule unless it found one at least as good.
 */
async function programStage(
  run: SolveRun,
  stage: Stage,
  model: MipModel,
  fixed: boolean,
  timeLimitSeconds: number,
  start: readonly number[] | null = run.values,
  held?: ReadonlySet<number>,
): Promise<StageEnd> {
  const { settings, program } = run;
  const result = run.staged(
    await solveTiers(model, program.goal, {
      ...run.solverOptions(),
      timeLimitSeconds,
      nodeLimit: settings.work.stageNodes,
      ...(start ? { start: [...start] } : {}),
      ...(held ? { held, holdForcedZeros: true } : {}),
      onProgress: run.stream(stage.name),
    }),
  );
  run.runs.push({ kind: stage.kind, name: stage.name, result });
  if (result.termination === 'infeasible' && !fixed) return 'infeasible';
  if (result.values && (!run.values || run.beats(result.values, run.values) >= 0)) run.replace(result.values, stage.name);
  run.report(stage.name, run.values, { bound: result.bound, gap: result.gap });
  if (result.termination === 'interrupted') {
    run.interrupted = true;
    return 'stop';
  }
  return 'next';
}

const isLarge = (run: SolveRun) => run.program.model.columns.length > LARGE_MODEL_COLUMNS;

/** The greedy board held fixed and its loading solved, unless the placement search already loaded a board. */
const greedy: StageRunner = async (run, stage) => {
  if (run.runs.some((r) => r.kind === 'placement loading')) return 'next';
  if (run.values && isLarge(run)) return 'next';
  return programStage(run, stage, fixColumns(run.program.model, run.greedy.fix), true, Math.max(0.5, run.remaining() * stage.timeShare));
};

/**
 * The whole program, on small programs only and only while placement is below its bound. Beyond
 * small programs it never improved a schedule here (its LP bound is the total weight) and, cut by
 * the clock, made the solve depend on the machine.
 */
const whole: StageRunner = async (run, stage) => {
  const remaining = run.remaining();
  if (run.program.model.columns.length > SMALL_MODEL_COLUMNS || run.reached(run.values) || remaining < 1) return 'next';
  if (run.values && isLarge(run)) return 'next';
  return programStage(run, stage, run.program.model, false, Math.max(0.5, remaining * stage.timeShare));
};

/** The best board, with every planned section that fits added (src/board/planned-sections.ts), held fixed and its loading solved again. */
const loading: StageRunner = async (run, stage) => {
  if (run.values && isLarge(run)) return 'next';
  if (!run.values) return 'stop';
  const planned = addPlannedSections(run.program.form, run.program.model, run.values);
  run.missingSections = planned.missing;
  return programStage(run, stage, run.program.model, true, run.remaining(), planned.values, boardHeld(run));
};

/** The runner of each stage kind. */
export const STAGE_RUNNERS: Readonly<Record<Stage['kind'], StageRunner>> = { placement, greedy, search, whole, loading };

/**
 * The whole program as the last resort, when no stage left a solution: the greedy board may
 * leave the program infeasible (e.g. a lock it could not honour), and then the whole program decides.
 */
export async function wholeProgramFallback(run: SolveRun): Promise<StageEnd> {
  if (run.values || run.interrupted || run.aborted() || run.runs.some((r) => r.kind === 'whole')) return 'next';
  const { program, settings } = run;
  const result = run.staged(
    await solveTiers(program.model, program.goal, {
      ...run.solverOptions(),
      timeLimitSeconds: Math.max(0.5, settings.limit * 0.95 - run.elapsed()),
      onProgress: run.stream('board'),
    }),
  );
  run.runs.push({ kind: 'whole', name: 'board', result });
  if (result.termination === 'infeasible') return 'infeasible';
  if (result.values) run.replace(result.values, 'board');
  if (result.termination === 'interrupted') run.interrupted = true;
  return 'next';
}

/**
 * The engine end to end: scenario → integer program (src/model/program.ts) → the greedy
 * CTE-first start → the stages, each solved in workers (src/engine/runners.ts) → the delivered
 * schedule, judged by the independent checker, with its report (src/engine/outcome.ts).
 */
import type { Scenario } from '../scenario/schema.js';
import { buildInstance } from '../model/instance.js';
import { schoolProgramSteps, type SchoolProgram } from '../model/program.js';
import { greedyBoardSteps } from '../board/greedy.js';
import { loadGreedyBoard } from '../board/baseline.js';
import { scheduleToValues } from '../board/incumbent.js';
import { countingUpperBound } from '../bound/upper-bound.js';
import { settleBound } from './settle-bound.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { Pace } from './pace.js';
import { solveSettings, type SolveOptions } from './settings.js';
import { SolveRun, type GreedyStart } from './run-state.js';
import { LARGE_MODEL_COLUMNS, stagePlan } from './stages.js';
import { STAGE_RUNNERS, wholeProgramFallback } from './runners.js';
import { deliver, infeasibleOutcome, stoppedBefore, type SolveOutcome } from './outcome.js';
import { sectionKey } from './placement.js';

export { solveOptionsSchema, type SolveOptions, type SolveProgress } from './settings.js';
export type { SolveOutcome } from './outcome.js';

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
  const settings = solveSettings(scenarioInput, options);
  // Building is paced: Ctrl-C and the time limit hold while it runs.
  const elapsed = () => (performance.now() - settings.started) / 1000;
  const pace = new Pace(settings.started + settings.limit * 1000, settings.signal, (doing) =>
    settings.onProgress?.({ stage: doing, seconds: elapsed(), incumbent: null, bound: null, gap: null }),
  );
  if (!(await pace.step('reading the school', true))) return stoppedBefore(settings, pace.stopReason, 'reading the school');
  const program = await pace.run(schoolProgramSteps(buildInstance(settings.scenario), settings.strategy), 'building the program');
  if (!program) return stoppedBefore(settings, pace.stopReason, 'building the program');
  const start = await greedyStart(program, pace);
  if (typeof start === 'string') return stoppedBefore(settings, pace.stopReason, start);
  // The counting bound on pathway placement now; the relaxation's once the placement search has had its turn (src/engine/settle-bound.ts).
  const run = new SolveRun(settings, program, countingUpperBound(program.inst), start);
  offerLoaderSchedule(run);
  offerStartSchedule(run);
  for (const stage of stagePlan(program.model.columns.length)) {
    if (run.aborted()) {
      run.interrupted = true;
      break;
    }
    if (stage.kind !== 'placement') await settleBound(run);
    const end = await STAGE_RUNNERS[stage.kind](run, stage);
    if (end === 'infeasible') return infeasibleOutcome(run);
    if (end === 'stop') break;
  }
  if ((await wholeProgramFallback(run)) === 'infeasible') return infeasibleOutcome(run);
  await settleBound(run);
  // On a large school the delivery works for seconds on this thread (every candidate named and
  // checked, the report's levers), while the idle solver workers would go on holding up to
  // 2 × 384 MB: on the 3,500-student school that was the solve's peak. A later solve spawns
  // its workers again (about 0.2 s); small schools keep theirs.
  if (program.model.columns.length > LARGE_MODEL_COLUMNS) await shutdownSolverWorkers();
  return deliver(run);
}

/**
 * The greedy CTE-first board (built in paced steps) and the greedy loader's schedule on it.
 * @returns them, or what was being done when the pace stopped.
 */
async function greedyStart(program: SchoolProgram, pace: Pace): Promise<GreedyStart | string> {
  const { inst, form } = program;
  const board = await pace.run(greedyBoardSteps(inst), 'building the greedy board');
  if (!board) return 'building the greedy board';
  const onBoard = new Set(board.map(sectionKey));
  const fix = new Map(form.vars.teach.map((v) => [v.col, onBoard.has(sectionKey(v)) ? 1 : 0]));
  if (!(await pace.step('loading students on the greedy board'))) return 'loading students on the greedy board';
  return { board, onBoard, fix, loaderSchedule: loadGreedyBoard(inst, board) };
}

/** The greedy loader's schedule, read back as a program solution, is the first incumbent when the program accepts it. */
function offerLoaderSchedule(run: SolveRun): void {
  const { form, model } = run.program;
  const values = scheduleToValues(form, run.greedy.loaderSchedule, model.columns.length);
  if (!checkFeasibility(model, values, 1e-6).feasible) return;
  run.replace(values, 'greedy loader');
  run.report('greedy loader', values, { bound: null, gap: null });
}

/**
 * The caller's start schedule, read back as a program solution, replaces the greedy loader's as
 * the first incumbent when the program accepts it and it is better in the tiers. (The program
 * may not express it, e.g. with more sections of a course than it plans; the start still
 * competes on delivery, src/engine/delivery.ts.)
 */
function offerStartSchedule(run: SolveRun): void {
  const start = run.settings.start;
  if (!start) return;
  const { form, model } = run.program;
  const values = scheduleToValues(form, start, model.columns.length);
  if (!checkFeasibility(model, values, 1e-6).feasible || (run.values && run.beats(values, run.values) <= 0)) return;
  run.replace(values, 'start');
  run.report('start', values, { bound: null, gap: null });
}

/**
 * The scenario's integer program as MPS or CPLEX LP text for external solvers (Gurobi, CPLEX,
 * CBC, HiGHS), with a column map; and the way back: a solver's solution file decoded into a
 * schedule through the engine's own decoder and loader, then checked.
 */
import { z } from 'zod';
import type { MipModel } from '../../solver/mip.js';
import { writeLp } from '../../solver/lp-format.js';
import { writeMps } from '../../solver/mps-format.js';
import { readSolutionFile as readSolverValues } from '../../solver/solution-file.js';
import { buildInstance } from '../model/instance.js';
import { formulate } from '../model/formulation.js';
import { compareTierValues, tierValues, withObjective } from '../model/objective.js';
import { realise } from '../engine/realise.js';
import { strategyObjective } from '../engine/stages.js';
import type { CheckResult } from '../checker/index.js';
import { buildReport, explainNotPlaced } from '../report/index.js';
import { InputError } from '../scenario/problems.js';
import { STRATEGIES, type Scenario, type Strategy } from '../scenario/schema.js';
import { SOLUTION_FORMAT, type Solution } from '../solution/schema.js';

export const MODEL_MAP_FORMAT = 'pathway-scheduler/model-map@1';

export const modelMapSchema = z.strictObject({
  format: z.literal(MODEL_MAP_FORMAT),
  scenario: z.string(),
  strategy: z.enum(STRATEGIES),
  /** `mps` or `lp`: the file the names belong to. */
  modelFormat: z.enum(['mps', 'lp']),
  /** Column names as written in the model file, in column order. */
  columns: z.array(z.string()),
});
export type ModelMap = z.infer<typeof modelMapSchema>;

/**
 * The whole program with the strategy's objective: its strict tiers (src/model/objective.ts) as
 * one weighted sum with dominating weights over the whole program, as the engine's `board` stage
 * solves it. On large schools these weights pass 1e9 (the engine then solves the tiers in turn);
 * an exact solver (CP-SAT, or Gurobi with integral objectives) still reads them right.
 */
export function scenarioProgram(scenario: Scenario, strategy: Strategy = scenario.policy.strategy): MipModel {
  const form = formulate(buildInstance(scenario));
  return withObjective(form.builder.build('max', []), strategyObjective(strategy, form).objective);
}

/** The program as MPS (free format) or CPLEX LP text, and its column map. */
export function exportProgram(scenario: Scenario, modelFormat: 'mps' | 'lp', strategy: Strategy = scenario.policy.strategy): { text: string; map: ModelMap } {
  const model = scenarioProgram(scenario, strategy);
  const written = modelFormat === 'mps' ? writeMps(model) : writeLp(model);
  return { text: written.text, map: { format: MODEL_MAP_FORMAT, scenario: scenario.name, strategy, modelFormat, columns: [...written.columnNames] } };
}

/** Validates a column map read from JSON. @throws {@link InputError} */
export function parseModelMap(value: unknown, source: string): ModelMap {
  const result = modelMapSchema.safeParse(value);
  if (!result.success) throw new InputError(source, result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, fix: 'give the .map.json written next to the model by `export --mps/--lp`' })));
  return result.data;
}

/** A schedule decoded from an external solver's solution file, with the checker's verdict. */
export interface ExternalSchedule {
  readonly solution: Solution;
  readonly check: CheckResult;
  /** The status line of the solution file, if any. */
  readonly status: string | null;
  readonly objective: number | null;
  /** Names in the file that are not columns of the model. */
  readonly unknownNames: readonly string[];
}

/**
 * Reads a CBC, HiGHS or Gurobi solution file of the exported program back into a schedule:
 * board and loading plan decoded by the engine's decoder, students named and roomed by its
 * loader, then checked by the independent checker.
 * @throws {@link InputError} when the map does not belong to this scenario's program.
 */
export function importProgramSolution(scenario: Scenario, map: ModelMap, solutionText: string, source = '<solution>'): ExternalSchedule {
  const inst = buildInstance(scenario);
  const form = formulate(inst);
  const model = scenarioProgram(scenario, map.strategy);
  const names = (map.modelFormat === 'mps' ? writeMps(model) : writeLp(model)).columnNames;
  if (names.length !== map.columns.length || names.some((n, i) => n !== map.columns[i])) {
    throw new InputError(source, [{ path: '', message: 'the column map does not match this scenario’s program (was the scenario changed after export?)', fix: 'export the model again from this scenario and re-run the solver' }]);
  }
  const read = readSolverValues(solutionText, map.columns);
  const goal = strategyObjective(map.strategy, form);
  // The named schedule is valued by the checker in the program's tiers: the file's objective is
  // the program's, and is reported as such only where the named students fall short of it.
  const { schedule, checked, tiers } = realise(form, goal, read.values);
  const promised = tierValues(goal.tiers, read.values);
  const shortfall = compareTierValues(tiers, promised) < 0;
  const weigh = (t: readonly number[]) => t.reduce((sum, v, i) => sum + v * (goal.weights[i] ?? 0), 0);
  const bare = { format: SOLUTION_FORMAT as typeof SOLUTION_FORMAT, scenario: scenario.name, ...schedule };
  const report = buildReport(checked.figures, explainNotPlaced(scenario, bare), {
    backend: 'external',
    strategy: map.strategy,
    seed: scenario.policy.seed,
    termination: /optimal/i.test(read.status ?? '') ? 'optimal' : 'time-limit',
    schedule: /optimal/i.test(read.status ?? '') && !shortfall ? 'optimal' : 'feasible',
    partial: false,
    objective: weigh(tiers),
    ...(shortfall ? { programObjective: weigh(promised) } : {}),
    tiers: goal.tiers.map((t, i) => ({ name: t.name, schedule: tiers[i] ?? 0, program: promised[i] ?? 0 })),
    bound: null,
    gap: null,
    placementBound: null,
    seconds: 0,
    stages: [],
  });
  return { solution: { ...bare, report }, check: checked, status: read.status, objective: read.objective, unknownNames: read.unknownNames };
}

/**
 * The scenario's integer program as MPS or CPLEX LP text for external solvers (Gurobi, CPLEX,
 * CBC, HiGHS), with a column map; and the way back: a solver's solution file decoded into a
 * schedule through the engine's own decoder and loader, then checked.
 */
import { z } from 'zod';
import type { MipModel } from '../../solver/mip.js';
import { writeLp } from '../../solver/lp-format.js';
import { writeMps } from '../../solver/mps-format.js';
import { readSolutionFile as readSolverValues, type SolutionFileValues } from '../../solver/solution-file.js';
import { schoolProgram } from '../model/program.js';
import { compareTierValues, tierValues } from '../model/objective.js';
import { realise } from '../engine/realise.js';
import type { CheckResult } from '../checker/index.js';
import { buildReport } from '../report/index.js';
import { InputError, otherDocument, problemsFromZod, type InputProblem } from '../scenario/problems.js';
import { STRATEGIES, type Scenario, type Strategy } from '../scenario/schema.js';
import { SOLUTION_FORMAT, type Solution } from '../solution/schema.js';
import { requireScenario } from '../scenario/parse.js';

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
  return schoolProgram(scenario, strategy).model;
}

/** The program as MPS (free format) or CPLEX LP text, and its column map. */
export function exportProgram(scenarioInput: Scenario, modelFormat: 'mps' | 'lp', strategyInput?: Strategy): { text: string; map: ModelMap } {
  const scenario = requireScenario(scenarioInput);
  const strategy = strategyInput ?? scenario.policy.strategy;
  if (!STRATEGIES.includes(strategy) || !(['mps', 'lp'] as readonly string[]).includes(modelFormat)) {
    throw new InputError('<options>', [
      {
        path: '',
        message: `bad model format ${JSON.stringify(modelFormat)} or strategy ${JSON.stringify(strategy)}`,
        fix: `use "mps" or "lp", and one of ${STRATEGIES.join(', ')}`,
      },
    ]);
  }
  const model = scenarioProgram(scenario, strategy);
  const written = modelFormat === 'mps' ? writeMps(model) : writeLp(model);
  return { text: written.text, map: { format: MODEL_MAP_FORMAT, scenario: scenario.name, strategy, modelFormat, columns: [...written.columnNames] } };
}

/** Validates a column map read from JSON. @throws {@link InputError} */
export function parseModelMap(value: unknown, source: string): ModelMap {
  const result = modelMapSchema.safeParse(value);
  if (!result.success)
    throw (
      otherDocument(value, MODEL_MAP_FORMAT, source) ??
      new InputError(source, problemsFromZod(result.error, 'give the .map.json written next to the model by `export --mps/--lp`'))
    );
  return result.data;
}

/** A schedule decoded from an external solver's solution file, with the checker's verdict. */
export interface ExternalSchedule {
  readonly solution: Solution;
  readonly check: CheckResult;
  /** The status line of the solution file, if any (the solver's word, not verified). */
  readonly status: string | null;
  /** The objective the file states, if any (the solver's word, not verified). */
  readonly objective: number | null;
  /** The objective recomputed from the file's values with the exported program's objective. */
  readonly recomputedObjective: number;
  /** Names in the file that are not columns of the model (always empty: such a file is refused). */
  readonly unknownNames: readonly string[];
}

/** A status that says the solver has no solution to give. */
const NO_SOLUTION = /infeasible|unbounded|no (integer )?solution|not solved|error|abort|fail/i;

const listed = (items: readonly string[], max = 5) => items.slice(0, max).join(', ') + (items.length > max ? `, and ${items.length - max} more` : '');

/**
 * Every reason not to trust a solver's solution file, before it is decoded: empty, a status
 * saying there is no solution, lines that are not values, names the model lacks, values that
 * are not whole numbers on integer columns or lie outside a column's bounds.
 */
function solutionFileProblems(text: string, read: SolutionFileValues, model: MipModel): InputProblem[] {
  const problems: InputProblem[] = [];
  const fix = 'give the solution file the solver wrote for the model exported with this map (export --mps/--lp, then run the solver)';
  if (text.trim() === '') return [{ path: '', message: 'the solver solution file is empty', fix }];
  if (read.status !== null && NO_SOLUTION.test(read.status))
    problems.push({
      path: '',
      message: `the solver says "${read.status}": there is no schedule to import`,
      fix: 'give the solver more time, or find why the program is infeasible (pathway-scheduler report --kind infeasibility)',
    });
  if (read.primal !== null && /^(none|infeasible)$/i.test(read.primal))
    problems.push({
      path: '',
      message: `the file's primal solution is "${read.primal}": there are no values to import`,
      fix: 'give the solver more time, or read its log',
    });
  if (read.valueLines === 0 && read.status === null && read.primal === null)
    problems.push({ path: '', message: 'the file holds no column values and no solver status: it is not a CBC, HiGHS or Gurobi solution file', fix });
  if (read.unreadLines.length > 0) {
    const lines = text.split(/\r?\n/);
    problems.push({
      path: `line ${read.unreadLines[0]!}`,
      message: `${read.unreadLines.length === 1 ? '1 line is' : `${read.unreadLines.length} lines are`} neither a value nor a status, e.g. ${JSON.stringify((lines[read.unreadLines[0]! - 1] ?? '').trim().slice(0, 80))} (line${read.unreadLines.length === 1 ? '' : 's'} ${listed(read.unreadLines.map(String))})`,
      fix: `${fix}; values are written "name value" (HiGHS, Gurobi) or "index name value reduced-cost" (CBC)`,
    });
  }
  if (read.unknownNames.length > 0)
    problems.push({
      path: '',
      message: `the file names ${read.unknownNames.length} column${read.unknownNames.length === 1 ? '' : 's'} the model lacks: ${listed(read.unknownNames)}`,
      fix,
    });
  const fractional: string[] = [];
  const outside: string[] = [];
  read.values.forEach((v, j) => {
    const c = model.columns[j];
    if (!c) return;
    if (c.kind !== 'continuous' && Math.abs(v - Math.round(v)) > 1e-6) fractional.push(`${c.name} = ${v}`);
    if (v < c.lb - 1e-6 || v > c.ub + 1e-6) outside.push(`${c.name} = ${v} (allowed ${c.lb}–${c.ub})`);
  });
  if (fractional.length > 0)
    problems.push({
      path: '',
      message: `${fractional.length} integer column${fractional.length === 1 ? ' has a value' : 's have values'} that ${fractional.length === 1 ? 'is' : 'are'} not whole: ${listed(fractional)}`,
      fix: "give the solver's integer solution, not a relaxation (run it to a feasible integer solution)",
    });
  if (outside.length > 0)
    problems.push({
      path: '',
      message: `${outside.length} value${outside.length === 1 ? ' lies' : 's lie'} outside the column's bounds: ${listed(outside)}`,
      fix,
    });
  return problems;
}

/**
 * Reads a CBC, HiGHS or Gurobi solution file of the exported program back into a schedule:
 * board and loading plan decoded by the engine's decoder, students named and roomed by its
 * loader, then checked by the independent checker.
 * @throws {@link InputError} when the map does not belong to this scenario's program.
 */
export function importProgramSolution(scenarioInput: Scenario, mapInput: ModelMap, solutionText: string, source = '<solution>'): ExternalSchedule {
  const scenario = requireScenario(scenarioInput);
  const map = parseModelMap(mapInput, '<map>');
  if (typeof solutionText !== 'string')
    throw new InputError(source, [{ path: '', message: 'the solver solution must be given as text', fix: "pass the file's contents as a string" }]);
  const { form, goal, model } = schoolProgram(scenario, map.strategy);
  const names = (map.modelFormat === 'mps' ? writeMps(model) : writeLp(model)).columnNames;
  if (names.length !== map.columns.length || names.some((n, i) => n !== map.columns[i])) {
    const school =
      map.scenario !== scenario.name
        ? ` (the map was exported from the scenario named "${map.scenario}", not "${scenario.name}")`
        : ' (was the scenario changed after export?)';
    throw new InputError(source, [
      {
        path: '',
        message: `the column map does not match this scenario’s program${school}`,
        fix: 'export the model again from this scenario and re-run the solver',
      },
    ]);
  }
  const read = readSolverValues(solutionText, map.columns);
  const problems = solutionFileProblems(solutionText, read, model);
  if (problems.length > 0) throw new InputError(source, problems);
  const recomputedObjective = model.columns.reduce((z, c, j) => z + c.obj * (read.values[j] ?? 0), 0);
  // The named schedule is valued by the checker in the program's tiers: the file's objective is
  // the program's, and is reported as such only where the named students fall short of it.
  const { schedule, checked, tiers } = realise(form, goal, read.values);
  const promised = tierValues(goal.tiers, read.values);
  const shortfall = compareTierValues(tiers, promised) < 0;
  const weigh = (t: readonly number[]) => t.reduce((sum, v, i) => sum + v * (goal.weights[i] ?? 0), 0);
  const bare = { format: SOLUTION_FORMAT as typeof SOLUTION_FORMAT, scenario: scenario.name, ...schedule };
  const report = buildReport(scenario, bare, checked.figures, {
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
  return {
    solution: { ...bare, report },
    check: checked,
    status: read.status,
    objective: read.objective,
    recomputedObjective,
    unknownNames: read.unknownNames,
  };
}

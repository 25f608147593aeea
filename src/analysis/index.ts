/**
 * Analysis reports of a scenario and (for most kinds) its schedule, as tables with table, JSON
 * and CSV renderings.
 * @packageDocumentation
 */
import type { Scenario } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import { InputError } from '../scenario/problems.js';
import { diagnoseInfeasibility, type InfeasibilityOptions } from '../engine/infeasibility.js';
import { conflictMatrix } from './conflicts.js';
import { tallies } from './tallies.js';
import { balance } from './balance.js';
import { teacherLoads } from './teachers.js';
import { roomUse } from './rooms.js';
import { equity } from './equity.js';
import { diagnosisTable, explanationTable } from './explanations.js';
import type { AnalysisTable } from './table.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';
import { requireScenario } from '../scenario/parse.js';

export { conflictMatrix, tallies, balance, teacherLoads, roomUse, equity, explanationTable, diagnosisTable };
export { renderAnalysis, REPORT_FORMATS, type AnalysisTable, type Column, type Cell, type ReportFormat } from './table.js';

export const REPORT_KINDS = ['conflicts', 'tallies', 'balance', 'teachers', 'rooms', 'equity', 'explain', 'infeasibility'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Kinds that read only the scenario; the others need a schedule. */
const SCENARIO_ONLY: ReadonlySet<ReportKind> = new Set(['conflicts', 'tallies', 'infeasibility']);

export interface AnalyseOptions {
  /** Pairs listed by the conflict matrix (default 25). */
  readonly top?: number;
  /** For `infeasibility`: solver, seed and time budget. */
  readonly infeasibility?: Partial<InfeasibilityOptions>;
}

/**
 * One analysis report.
 * @throws {@link InputError} when the kind needs a schedule and none is given.
 */
export async function analyse(kind: ReportKind, scenarioInput: Scenario, solutionInput?: Schedule, options: AnalyseOptions = {}): Promise<AnalysisTable> {
  if (!REPORT_KINDS.includes(kind))
    throw new InputError('<kind>', [{ path: '', message: `unknown report kind ${JSON.stringify(kind)}`, fix: `use one of ${REPORT_KINDS.join(', ')}` }]);
  const [scenario, solution] =
    solutionInput === undefined ? [requireScenario(scenarioInput), undefined] : requireScenarioAndSchedule(scenarioInput, solutionInput);
  if (!solution && !SCENARIO_ONLY.has(kind)) {
    throw new InputError('command line', [
      { path: '', message: `the ${kind} report reads a schedule`, fix: 'give the solution file after the scenario (pathway-scheduler solve writes one)' },
    ]);
  }
  switch (kind) {
    case 'conflicts':
      return conflictMatrix(scenario, solution, options.top === undefined ? {} : { top: options.top });
    case 'tallies':
      return tallies(scenario, solution);
    case 'infeasibility':
      return diagnosisTable(await diagnoseInfeasibility(scenario, options.infeasibility ?? {}));
  }
  const s = solution as Schedule;
  switch (kind) {
    case 'balance':
      return balance(scenario, s);
    case 'teachers':
      return teacherLoads(scenario, s);
    case 'rooms':
      return roomUse(scenario, s);
    case 'equity':
      return equity(scenario, s);
    case 'explain':
      return explanationTable(scenario, s);
  }
}

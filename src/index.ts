/**
 * pathway-scheduler: master schedules for California high schools running CTE pathways.
 *
 * ```ts
 * import { parseScenario, solve, check } from 'pathway-scheduler';
 * const scenario = parseScenario(JSON.parse(text), 'school.json');
 * const outcome = await solve(scenario, { timeLimitSeconds: 60 });
 * if (outcome.status === 'scheduled') console.log(outcome.solution.report.figures.pathwayPlaced);
 * ```
 * @packageDocumentation
 */
export * from './scenario/schema.js';
export { parseScenario, readScenarioFile } from './scenario/parse.js';
export { InputError, type InputProblem } from './scenario/problems.js';
export * from './solution/schema.js';
export { parseSolution, readSolutionFile } from './solution/parse.js';
export { allSlots, coursePatterns, slotName, type Slot, type Pattern } from './calendar/slots.js';
export { solve, type SolveOptions, type SolveOutcome, type SolveProgress } from './engine/solve.js';
export { check, type CheckResult, type Violation } from './checker/index.js';
export { formatReport, formatCheck, explainNotPlaced, explainRequest } from './report/index.js';
export { generateScenario } from './generate/index.js';
export { generateOptionsSchema, type GenerateOptions } from './generate/options.js';
export { shutdownSolverWorkers } from '../solver/worker-pool.js';
export * from './explain/index.js';
export {
  analyse,
  REPORT_KINDS,
  type ReportKind,
  type AnalyseOptions,
  conflictMatrix,
  tallies,
  balance,
  teacherLoads,
  roomUse,
  equity,
  explanationTable,
  diagnosisTable,
  renderAnalysis,
  REPORT_FORMATS,
  type AnalysisTable,
  type ReportFormat,
} from './analysis/index.js';
export * from './whatif/index.js';
export * from './compare/index.js';
export { diagnoseInfeasibility, formatDiagnosis, ruleGroup, type InfeasibilityDiagnosis, type RuleGroup } from './engine/infeasibility.js';
export {
  RULE_CATALOGUE,
  RULE_IDS,
  RELAX_ROLES,
  describeRule,
  type RuleId,
  type RuleArgs,
  type RuleRef,
  type RuleEntry,
  type RelaxRole,
} from './scenario/rules.js';
export * from './queue/index.js';
export { importSource, type ImportResult } from './io/import-source.js';
export { importCsvFolder, scenarioToCsvFiles } from './io/csv-folder.js';
export { importXlsx, scenarioToXlsx } from './io/xlsx-workbook.js';
export { importSis, type SisImport, type DroppedRequest, type DroppedAlternate } from './io/sis-import.js';
export { parseSisMapping, readSisMapping, sisMappingSchema, SIS_MAPPING_FORMAT, type SisMapping, type SisMappingInput } from './io/sis-mapping.js';
export { SIS_PRESETS, presetPath, readSisPreset, type SisPreset } from './io/sis-presets.js';
export { TABLES, type TableSpec, type ColumnSpec } from './io/table-columns.js';
export { scheduleCsvFiles } from './io/export-csv.js';
export { scheduleXlsx } from './io/export-xlsx.js';
export { oneRosterFiles, oneRosterZip, type OneRosterOptions } from './io/oneroster.js';
export { exportProgram, importProgramSolution, parseModelMap, type ModelMap, type ExternalSchedule } from './io/model-files.js';
export { reportHtml } from './html/report-page.js';

/**
 * Assembling the report a solution carries: the checker's figures, the solver's figures, and what
 * the explanation engine (src/explain/) reads off the schedule: the reasons of each pathway student
 * not placed, the unmet requests summarised by cause, and the levers, the first add-section ones
 * checked by re-loading the students with the section.
 */
import { lookup } from '../checker/index.js';
import type { Schedule } from '../checker/violation.js';
import { explainSchedule } from '../explain/compute.js';
import { findLevers, leverCounts, renderLever } from '../explain/levers.js';
import { notPlacedOf } from '../explain/reasons.js';
import { summariseUnmet, unmetCauses } from '../explain/summary.js';
import type { Scenario } from '../scenario/schema.js';
import type { Figures, Lever, NotPlaced, Report, SolverFigures, UnmetCause } from '../solution/schema.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';
import { leverChecker } from './lever-check.js';

/** Options of {@link buildReport}. */
export interface ReportOptions {
  /** Levers kept, most helpful first (default 5). */
  readonly levers?: number;
  /** Add-section levers among them checked by re-loading the students (default 3; 0 = none). */
  readonly checkLevers?: number;
}

/** What the explanation engine says about a schedule, as the report stores it. */
export interface ReportExplanations {
  readonly notPlaced: NotPlaced[];
  readonly causes: UnmetCause[];
  readonly levers: Lever[];
}

/**
 * The explanations of a schedule for its report: every pathway student not placed with reasons,
 * every unmet request counted under one cause, and the levers.
 * @throws {@link InputError} when the scenario or the schedule does not have the shape of its format.
 */
export function reportExplanations(scenarioInput: Scenario, scheduleInput: Schedule, options: ReportOptions = {}): ReportExplanations {
  const [scenario, schedule] = requireScenarioAndSchedule(scenarioInput, scheduleInput);
  const book = lookup(scenario, schedule);
  const e = explainSchedule(scenario, schedule);
  let toCheck = options.checkLevers ?? 3;
  const checker = leverChecker(scenario, schedule);
  const levers = findLevers(book, e)
    .slice(0, options.levers ?? 5)
    .map((plan): Lever => {
      const lever: Lever = { kind: plan.kind, text: renderLever(book, plan), ...leverCounts(plan) };
      if (plan.kind !== 'add-section' || toCheck <= 0) return lever;
      toCheck--;
      return { ...lever, check: checker.addSection(plan) };
    });
  return { notPlaced: e.students.map((s) => notPlacedOf(book, s)), causes: unmetCauses(book, summariseUnmet(book, e.requests)), levers };
}

/** The report of a solution: the checker's figures, the solver's figures and the schedule's explanations. */
export function buildReport(scenario: Scenario, schedule: Schedule, figures: Figures, solver: SolverFigures, options: ReportOptions = {}): Report {
  const { notPlaced, causes, levers } = reportExplanations(scenario, schedule, options);
  return { figures, notPlaced, solver, causes, levers };
}

/**
 * The independent checker: verifies every hard rule of SCENARIO.md on a schedule and
 * recomputes the report's figures. It shares no code with the model builder or the solvers,
 * so a bug there cannot hide itself here.
 */
import type { Scenario } from '../scenario/schema.js';
import { computeFigures } from './figures.js';
import { lookup, type Lookup } from './lookup.js';
import { cohortCount, cohortExclusive, cohortLabel, cohortOneSection, cohortSize, cohortTogether } from './rules/cohorts.js';
import { duplicateIds, unknownIds } from './rules/references.js';
import { courseGrade, duplicateCourse, notRequested, oneSectionPerCourse } from './rules/requests.js';
import { courseCapacity, roomCapacity, roomType } from './rules/rooms.js';
import { commonPlanning, maxSections, prep, qualification, unavailable } from './rules/staff.js';
import { locks, placement, roomClash, studentClash, teacherClash } from './rules/time.js';
import { standings } from './standing.js';
import type { CheckResult, Schedule, Violation } from './violation.js';
import { checkerInputs } from './inputs.js';

/** Every hard rule the checker verifies, in the order violations are listed (the rule catalogue names each by its function). */
export const HARD_RULES: readonly ((book: Lookup) => Violation[])[] = [
  unknownIds,
  duplicateIds,
  placement,
  studentClash,
  teacherClash,
  roomClash,
  qualification,
  unavailable,
  maxSections,
  roomType,
  roomCapacity,
  courseCapacity,
  locks,
  cohortLabel,
  cohortExclusive,
  cohortTogether,
  cohortOneSection,
  cohortSize,
  cohortCount,
  notRequested,
  duplicateCourse,
  oneSectionPerCourse,
  courseGrade,
  commonPlanning,
  prep,
];

/**
 * Checks a schedule against a scenario.
 * @param scenarioInput - a parsed scenario, or any value to validate as one (defaults are filled in).
 * @param solution - sections and enrollments; any `report` it carries is ignored.
 * @returns `valid` (no hard rule broken), every violation, and the figures recomputed from scratch.
 * @throws {@link InputError} when either value does not have the shape of its format.
 */
export function check(scenarioInput: Scenario, solution: Schedule): CheckResult {
  const { scenario, schedule } = checkerInputs(scenarioInput, solution);
  const book = lookup(scenario, schedule);
  const violations = HARD_RULES.flatMap((rule) => rule(book));
  const figures = computeFigures(book, standings(book));
  return { valid: violations.length === 0, violations, figures };
}

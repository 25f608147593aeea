/**
 * The independent checker (package subpath `pathway-scheduler/checker`).
 * @packageDocumentation
 */
export { check } from './check.js';
export { RULES, type RuleName, type Violation, type CheckResult, type Schedule } from './violation.js';
export { parseCohortLabel, type CohortLabel } from './cohort-label.js';
export { AG_MINIMUM, AG_NAMES, agMinimum } from './ag.js';
export { parseSolution, readSolutionFile } from '../solution/parse.js';

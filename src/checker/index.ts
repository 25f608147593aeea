/**
 * The independent checker (package subpath `pathway-scheduler/checker`).
 * @packageDocumentation
 */
export { check } from './check.js';
export { RULES, type RuleName, type Violation, type CheckResult, type Schedule } from './violation.js';
export { parseCohortLabel, cohortPathway, isOwnCohort, ownCohortLabels, type CohortLabel } from './cohort-label.js';
export { freeTime, teamFreeSlots, commonPlanningSlots, keepsCommonPlanning, termsWithoutPrep, type FreeTime } from './free-time.js';
export { AG_MINIMUM, AG_NAMES, agMinimum } from './ag.js';
export { parseSolution, readSolutionFile } from '../solution/parse.js';
export { lookup, courseLabel, seatLimit, rosterOf, timetableOf, compareIds, type Lookup } from './lookup.js';
export { standing, standings, type Standing, type AgStanding, type CohortStanding } from './standing.js';
export type { RequestLine, RequestMatch } from './matching.js';
export type { AgShortfall } from './ag.js';

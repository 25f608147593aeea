/**
 * Explanations of a schedule as data (kind + ids + slots), their school-words rendering, and a
 * verifier that confirms each one against the schedule.
 * @packageDocumentation
 */
export type { Cause, CauseKind, Explanations, RequestExplanation, StudentExplanation } from './cause.js';
export { CAUSE_RULES } from './cause.js';
export { explainSchedule } from './compute.js';
export { renderCause, renderExplanations, formatExplanations } from './render.js';
export { verifyExplanations, verifyCause, type ExplanationProblem } from './verify.js';

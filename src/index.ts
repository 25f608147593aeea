/**
 * pathway-scheduler: master schedules for California high schools running CTE pathways.
 * @packageDocumentation
 */
export * from './scenario/schema.js';
export { parseScenario, readScenarioFile } from './scenario/parse.js';
export { InputError, type InputProblem } from './scenario/problems.js';
export * from './solution/schema.js';
export { allSlots, coursePatterns, slotName, type Slot, type Pattern } from './calendar/slots.js';

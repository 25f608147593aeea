/**
 * Comparisons: a base scenario and its what-if variants, or a batch of schools, solved on this
 * machine's variant workers (src/whatif/) or on the workers of a BullMQ queue (src/queue/).
 * @packageDocumentation
 */
export { compareScenarios, solveScenarios, type CompareOptions } from './compare.js';

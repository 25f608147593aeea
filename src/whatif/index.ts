/**
 * What-if scenarios: variants (full scenarios or JSON Patches), solved side by side.
 * @packageDocumentation
 */
export { compareScenarios, solveScenarios, rowOf, type Comparison, type ComparisonRow, type CompareOptions, type Metrics, type RowStatus } from './compare.js';
export { formatComparison } from './table.js';
export { comparisonCsv, readScenarioFolder } from './batch.js';
export type { VariantTestCrash } from './variant-messages.js';
export { applyPatch, readVariantFile, variantFromJson, variantName, type Variant } from './variant.js';

/**
 * What-if scenarios: variants (full scenarios or JSON Patches), the variant worker that solves each, and the rows of a comparison (solved side by side by src/compare/).
 * @packageDocumentation
 */
export { rowOf, type Comparison, type ComparisonRow, type Metrics, type RowStatus } from './rows.js';
export { formatComparison } from './table.js';
export { comparisonCsv, readScenarioFolder } from './batch.js';
export type { VariantTestCrash } from './variant-messages.js';
export { applyPatch, readVariantFile, variantFromJson, variantName, type Variant } from './variant.js';

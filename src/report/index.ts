/**
 * Turning a checked schedule into the report people read.
 * @packageDocumentation
 */
export { explainNotPlaced, explainRequest } from './explain.js';
export { buildReport } from './build.js';
export { formatReport, formatCheck, formatFigures, type FormatOptions } from './format.js';
export { formatTable, type Align } from './table.js';

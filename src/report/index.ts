/**
 * Turning a checked schedule into the report people read.
 * @packageDocumentation
 */
export { explainNotPlaced, explainRequest } from '../explain/reasons.js';
export { buildReport, reportExplanations, type ReportOptions, type ReportExplanations } from './build.js';
export { formatReport, formatCheck, formatFigures, type FormatOptions } from './format.js';
export { formatTable, type Align } from './table.js';

/**
 * What every part of an SIS import shares: the mapping, the calendar and its codes, the list of
 * problems every bad row adds to, the notes, and the value readers (grades, priorities) that
 * several files use.
 */
import type { InputProblem } from '../scenario/problems.js';
import { PRIORITIES, type Calendar, type Priority } from '../scenario/schema.js';
import type { CellReader } from './cell-reader.js';
import type { SisMapping } from './sis-mapping.js';
import type { CalendarCodes } from './sis-slots.js';
import { keysText, lookupValue } from './sis-values.js';
import { cellProblem, type SourceRow, type SourceTable } from './source-table.js';

/** Grade codes read when the mapping gives none: 9–12, also with a leading zero. */
export const DEFAULT_GRADES: Readonly<Record<string, number>> = { '9': 9, '09': 9, '10': 10, '11': 11, '12': 12 };

export interface SisContext {
  readonly mapping: SisMapping;
  readonly calendar: Calendar;
  readonly codes: CalendarCodes;
  readonly problems: InputProblem[];
  readonly notes: string[];
}

/** A row of a table and the reader of its cells. */
export interface RowRef {
  readonly table: SourceTable;
  readonly row: SourceRow;
  readonly cells: CellReader;
}

/** Adds a bad-cell problem for `column` of this row. */
export function badCell(ctx: SisContext, ref: RowRef, column: string, expected: string): undefined {
  ctx.problems.push(cellProblem(ref.table.label, ref.row.row, column, ref.cells.raw(column), expected));
  return undefined;
}

/** A grade code → 9–12 through `values.grades` (default 9–12 and 09); undefined + problem when bad. */
export function readGrade(ctx: SisContext, ref: RowRef, column: string): number | undefined {
  const dict = ctx.mapping.values.grades ?? DEFAULT_GRADES;
  const g = lookupValue(dict, ref.cells.raw(column));
  if (g === undefined) badCell(ctx, ref, column, keysText(dict));
  return g;
}

/**
 * A priority code through `values.priorities` (without it: required, requested, recommended);
 * an empty cell is undefined without a problem.
 */
export function readPriority(ctx: SisContext, ref: RowRef, column: string): Priority | undefined {
  const raw = ref.cells.raw(column);
  if (raw === '') return undefined;
  const dict = ctx.mapping.values.priorities ?? Object.fromEntries(PRIORITIES.map((p) => [p, p]));
  const priority = lookupValue(dict, raw);
  if (priority === undefined) badCell(ctx, ref, column, `${keysText(dict)}, or empty`);
  return priority;
}

/** A list cell split on the mapping's list separator. */
export function listCell(ctx: SisContext, ref: RowRef, column: string): string[] {
  return ref.cells
    .raw(column)
    .split(ctx.mapping.listSeparator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Every problem of a multi-file import, gathered in one pass so that a person fixes them all in
 * one round: unreadable files (encoding, delimiter), missing columns, bad cells, short rows,
 * unknown ids. Used by the scenario CSV/XLSX importer; any importer with files of rows (the SIS
 * import) can use it the same way:
 *
 * ```ts
 * const problems = new ImportProblems();
 * const courses = problems.read('courses.csv', () => readCsvFile(file, 'courses.csv'));
 * if (courses) problems.requireColumns(courses, [{ name: 'id', key: true }]);
 * for (const r of courses?.rows ?? []) new CellReader(courses!, r, problems).int('capacity', 1);
 * problems.throwIfAny(folder);
 * ```
 */
import { InputError, type InputProblem } from '../scenario/problems.js';
import { cellProblem, type SourceRow, type SourceTable } from './source-table.js';

/** A column a table must have; without a `key` column no row of the table can be identified. */
export interface RequiredColumn {
  readonly name: string;
  readonly key?: boolean;
  /** What the column holds, for the fix. */
  readonly holds?: string;
}

export class ImportProblems {
  private readonly list: InputProblem[] = [];
  /** `label\u0000row` of every row with a problem of its own. */
  private readonly badRows = new Set<string>();
  /** Labels of tables whose every row lacks a required column. */
  private readonly incomplete = new Set<string>();
  /** Tables (by the caller's name) that could not be read, or lack a key column. */
  private readonly unusable = new Set<string>();

  /** Every problem so far, in the order found. */
  get problems(): readonly InputProblem[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** Adds a problem; with `table` and `row`, marks the row as already reported. */
  add(problem: InputProblem, table?: string, row?: number): void {
    this.list.push(problem);
    if (table !== undefined && row !== undefined) this.badRows.add(`${table}\u0000${row}`);
  }

  /**
   * One bad cell. A cell of a column already reported missing is not reported again on every
   * row; a cell beyond the end of a short row says so.
   */
  cell(table: SourceTable, row: SourceRow, column: string, expected: string): void {
    if (!table.header.includes(column)) {
      if (this.incomplete.has(table.label)) return;
    }
    const value = row.cells[column] ?? '';
    const index = table.header.indexOf(column);
    const short = value === '' && row.width !== undefined && index >= row.width;
    const problem = cellProblem(table.label, row.row, column, value, expected);
    this.add(short ? { ...problem, message: `missing value: the row has only ${row.width} of ${table.header.length} columns` } : problem, table.label, row.row);
  }

  /** Whether a row already has a problem of its own (or its table lacks a required column). */
  rowHasProblem(table: string, row: number): boolean {
    return this.incomplete.has(table) || this.badRows.has(`${table}\u0000${row}`);
  }

  /**
   * Reads a table, recording (instead of throwing) why it cannot be read.
   * @param name - the caller's name for the table, as given to {@link isUsable}.
   */
  read<T>(name: string, reader: () => T): T | undefined {
    try {
      return reader();
    } catch (err: unknown) {
      if (!(err instanceof InputError)) throw err;
      this.unusable.add(name);
      for (const p of err.problems) this.list.push({ ...p, path: p.path ? `${err.source}, ${p.path}` : err.source });
      return undefined;
    }
  }

  /** Marks a table as unusable (missing, or without a key column) after reporting why. */
  markUnusable(name: string): void {
    this.unusable.add(name);
  }

  isUsable(name: string): boolean {
    return !this.unusable.has(name);
  }

  /** True when every table could be read with its key columns: references between tables mean something. */
  get allUsable(): boolean {
    return this.unusable.size === 0;
  }

  /**
   * Reports each required column the table lacks; a missing key column makes the table
   * unusable (under `name`), any other makes its rows count as reported.
   */
  requireColumns(
    table: SourceTable,
    columns: readonly RequiredColumn[],
    name = table.label,
    fix = (c: RequiredColumn) => `add a column "${c.name}"${c.holds ? `: ${c.holds}` : ''}`,
  ): void {
    for (const c of columns) {
      if (table.header.includes(c.name)) continue;
      this.list.push({ path: `${table.label}, row 1, column ${c.name}`, message: `missing column "${c.name}"`, fix: `${fix(c)}${columnHint(table.header)}` });
      if (c.key) this.unusable.add(name);
      else this.incomplete.add(table.label);
    }
  }

  /** Throws every problem at once, if there is any. @throws {@link InputError} */
  throwIfAny(source: string): void {
    if (this.list.length > 0) throw new InputError(source, this.list);
  }
}

/** The columns a table has, for a person looking for a misspelt one. */
function columnHint(header: readonly string[]): string {
  return ` (columns present: ${header.filter((h) => h !== '').join(', ') || 'none'})`;
}

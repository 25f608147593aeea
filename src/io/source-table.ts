/**
 * A table read from a CSV file or a workbook sheet, with each row's spreadsheet row number kept
 * so that every problem can name the file, row and column a person must fix.
 */
import type { InputProblem } from '../scenario/problems.js';

/** One data row: cells by header, and where it came from. */
export interface SourceRow {
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** Cells by header name (a null-prototype object: a header may be any text). */
  readonly cells: Readonly<Record<string, string>>;
  /** Cells the row actually has; fewer than the header's columns is a short row. */
  readonly width?: number;
}

/** A whole table (one CSV file, or one sheet of a workbook). */
export interface SourceTable {
  /** How a person finds it: `courses.csv`, or `school.xlsx, sheet courses`. */
  readonly label: string;
  readonly header: readonly string[];
  readonly rows: readonly SourceRow[];
}

/**
 * One bad cell as an {@link InputProblem}: the path names file, row and column, the message the
 * value, the fix the expected form.
 */
export function cellProblem(table: string, row: number, column: string, value: string, expected: string): InputProblem {
  return {
    path: `${table}, row ${row}, column ${column}`,
    message: value === '' ? `empty value` : `bad value ${JSON.stringify(value)}`,
    fix: `expected ${expected}`,
  };
}

/** Builds a table from raw records (first record is the header), trimming every cell. */
export function tableFromRecords(label: string, records: readonly (readonly string[])[]): SourceTable {
  const [head, ...body] = records;
  const header = (head ?? []).map((h) => h.trim());
  const rows: SourceRow[] = [];
  body.forEach((record, i) => {
    if (record.every((c) => c.trim() === '')) return;
    const cells = Object.create(null) as Record<string, string>;
    header.forEach((h, j) => {
      if (h !== '') cells[h] = (record[j] ?? '').trim();
    });
    // Trailing empty cells do not make a row long (spreadsheets pad rows).
    let width = record.length;
    while (width > header.length && (record[width - 1] ?? '').trim() === '') width--;
    rows.push({ row: i + 2, cells, width });
  });
  return { label, header, rows };
}

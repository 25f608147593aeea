/** Reading CSV files into {@link SourceTable}s with csv-parse. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../scenario/problems.js';
import { readTextFile } from '../scenario/parse.js';
import { tableFromRecords, type SourceTable } from './source-table.js';

/** Parses CSV text (UTF-8, optional BOM, quoted fields) into a table labelled `label`. */
export function parseCsvText(text: string, label: string): SourceTable {
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return tableFromRecords(label, records);
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputError(label, [{ path: '', message: `not valid CSV: ${message}`, fix: 'save the sheet as CSV (comma-separated, UTF-8)' }]);
  }
}

/** Reads one CSV file. @throws {@link InputError} when it is missing or not CSV. */
export function readCsvFile(file: string, label = file): SourceTable {
  return parseCsvText(readTextFile(file), label);
}

/** Reads a CSV file when it exists; undefined otherwise (for optional tables). */
export function readOptionalCsvFile(file: string, label = file): SourceTable | undefined {
  try {
    return parseCsvText(readFileSync(file, 'utf8'), label);
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

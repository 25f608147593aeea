/** Reading CSV files into {@link SourceTable}s with csv-parse. */
import { existsSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../scenario/problems.js';
import { readTextFile } from '../scenario/text-input.js';
import { tableFromRecords, type SourceTable } from './source-table.js';

const COMMA_CSV = 'save it as comma-separated CSV (Excel: Save As → "CSV UTF-8 (Comma delimited)")';

/**
 * The separator a one-column header shows instead of commas (`id;name;grades` was saved with
 * semicolons, as Excel does in locales with a decimal comma), or null.
 */
export function foreignDelimiter(headerLine: string): string | null {
  if (headerLine.includes(',')) return null;
  for (const [char, name] of [
    [';', 'semicolons'],
    ['\t', 'tabs'],
    ['|', 'vertical bars'],
  ] as const)
    if (headerLine.includes(char)) return name;
  return null;
}

/**
 * Parses CSV text (UTF-8, optional BOM, quoted fields) into a table labelled `label`.
 * @throws {@link InputError} when it is not CSV, or is separated by something else than commas.
 */
export function parseCsvText(text: string, label: string): SourceTable {
  const firstLine = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  const delimiter = foreignDelimiter(firstLine);
  if (delimiter) {
    const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine;
    throw new InputError(label, [
      { path: 'row 1', message: `the file looks separated by ${delimiter}, not commas: its header ${JSON.stringify(shown)} is one column`, fix: COMMA_CSV },
    ]);
  }
  try {
    const records: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
    return tableFromRecords(label, records);
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputError(label, [
      { path: '', message: `not valid CSV: ${message}`, fix: `${COMMA_CSV}; a value holding a comma or a quote must be in double quotes, with quotes doubled` },
    ]);
  }
}

/** Reads one CSV file. @throws {@link InputError} when it is missing, not UTF-8 or not CSV. */
export function readCsvFile(file: string, label = file): SourceTable {
  return parseCsvText(
    relabel(() => readTextFile(file), label),
    label,
  );
}

/** Reads a CSV file when it exists; undefined otherwise (for optional tables). @throws {@link InputError} */
export function readOptionalCsvFile(file: string, label = file): SourceTable | undefined {
  return existsSync(file) ? readCsvFile(file, label) : undefined;
}

/** Runs a read whose errors name the file by its path, naming it by `label` instead. */
function relabel<T>(read: () => T, label: string): T {
  try {
    return read();
  } catch (err: unknown) {
    if (err instanceof InputError) throw new InputError(label, err.problems);
    throw err;
  }
}

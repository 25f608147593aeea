/**
 * One entry point for every import: a folder of scenario CSVs, an XLSX workbook, or an SIS
 * export folder with a mapping file or a preset.
 */
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { importCsvFolder } from './csv-folder.js';
import { importXlsx } from './xlsx-workbook.js';
import { importSis, type DroppedAlternate, type DroppedRequest } from './sis-import.js';
import { readSisMapping } from './sis-mapping.js';
import { readSisPreset, type SisPreset } from './sis-presets.js';

export interface ImportResult {
  readonly scenario: Scenario;
  readonly kind: 'csv' | 'xlsx' | 'sis';
  /** SIS imports: requests and alternates the mapping dropped, and request rows read. */
  readonly dropped: readonly DroppedRequest[];
  readonly droppedAlternates: readonly DroppedAlternate[];
  readonly requestRows: number | null;
  readonly notes: readonly string[];
}

/** How to read an SIS export: a mapping file or a preset, and the row-filter parameters. */
export interface SisOptions {
  readonly mapping?: string | undefined;
  readonly sis?: SisPreset | undefined;
  /** `--school`: the `$school` row filter of the mapping. */
  readonly school?: string | undefined;
  /** `--year`: the `$year` row filter. */
  readonly year?: string | undefined;
}

/**
 * Imports `source`: with a mapping or preset, an SIS export folder; a `.xlsx` file, a workbook;
 * a folder, scenario CSVs. @throws {@link InputError} listing every bad row.
 */
export async function importSource(source: string, options: SisOptions = {}): Promise<ImportResult> {
  if (options.mapping !== undefined || options.sis !== undefined) {
    const mapping = options.mapping !== undefined ? readSisMapping(options.mapping) : readSisPreset(options.sis as SisPreset);
    const parameters = { ...(options.school !== undefined ? { $school: options.school } : {}), ...(options.year !== undefined ? { $year: options.year } : {}) };
    return { kind: 'sis', ...importSis(source, mapping, parameters) };
  }
  const none = { dropped: [], droppedAlternates: [], requestRows: null, notes: [] };
  if (/\.xlsx$/i.test(source)) return { kind: 'xlsx', scenario: await importXlsx(source), ...none };
  if (existsSync(source) && statSync(source).isDirectory()) return { kind: 'csv', scenario: importCsvFolder(source), ...none };
  throw new InputError(source, [
    {
      path: '',
      message: existsSync(source) ? 'neither a folder nor an .xlsx workbook' : 'not found',
      fix: 'give a folder of CSV files, an .xlsx workbook, or an SIS export folder with --sis or --mapping',
    },
  ]);
}

/**
 * One entry point for every import: a folder of scenario CSVs, an XLSX workbook, or an SIS
 * export folder with a mapping file.
 */
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { importCsvFolder } from './csv-folder.js';
import { importXlsx } from './xlsx-workbook.js';
import { importSis, type DroppedRequest } from './sis-import.js';
import { readSisMapping } from './sis-mapping.js';

export interface ImportResult {
  readonly scenario: Scenario;
  readonly kind: 'csv' | 'xlsx' | 'sis';
  /** SIS imports: requests the mapping dropped, and rows read. */
  readonly dropped: readonly DroppedRequest[];
  readonly requestRows: number | null;
  readonly notes: readonly string[];
}

/**
 * Imports `source`: with `mapping`, an SIS export folder; a `.xlsx` file, a workbook; a folder,
 * scenario CSVs. @throws {@link InputError} listing every bad row.
 */
export async function importSource(source: string, mapping?: string): Promise<ImportResult> {
  if (mapping !== undefined) {
    const result = importSis(source, readSisMapping(mapping));
    return { kind: 'sis', ...result };
  }
  if (/\.xlsx$/i.test(source)) return { kind: 'xlsx', scenario: await importXlsx(source), dropped: [], requestRows: null, notes: [] };
  if (existsSync(source) && statSync(source).isDirectory()) return { kind: 'csv', scenario: importCsvFolder(source), dropped: [], requestRows: null, notes: [] };
  throw new InputError(source, [{ path: '', message: existsSync(source) ? 'neither a folder nor an .xlsx workbook' : 'not found', fix: 'give a folder of CSV files, an .xlsx workbook, or an SIS export folder with --mapping' }]);
}

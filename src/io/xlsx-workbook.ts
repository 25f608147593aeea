/** A scenario as an XLSX workbook (one sheet per table), in and out, with exceljs. */
import ExcelJS from 'exceljs';
import { InputError } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioFromTables, type ScenarioTables } from './tables-to-scenario.js';
import { scenarioToTables } from './scenario-to-tables.js';
import { TABLES } from './table-columns.js';
import { tableFromRecords } from './source-table.js';
import { requireScenario } from '../scenario/parse.js';

/** A cell as the text a person sees (numbers without locale, formulas by their result). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return value.text;
    return '';
  }
  return String(value);
}

/** Rows of a worksheet as strings, padding missing cells. */
export function sheetRecords(sheet: ExcelJS.Worksheet): string[][] {
  const records: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: string[] = [];
    for (let c = 1; c <= width; c++) record.push(cellText(row.getCell(c).value));
    records.push(record);
  }
  return records;
}

/** Loads a workbook file, turning an unreadable file into an {@link InputError}. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : `not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)})`;
    throw new InputError(file, [{ path: '', message, fix: 'give an .xlsx workbook saved by Excel, LibreOffice or Google Sheets' }]);
  }
  return book;
}

/**
 * Reads a workbook with sheets calendar, rooms, teachers, courses, pathways, students, requests
 * (and optionally locks), the same columns as the CSV files.
 * @throws {@link InputError} naming every bad row of every sheet.
 */
export async function importXlsx(file: string): Promise<Scenario> {
  const book = await loadWorkbook(file);
  const tables: ScenarioTables = {};
  for (const spec of TABLES) {
    const sheet = book.getWorksheet(spec.name);
    if (sheet) tables[spec.name] = tableFromRecords(`${file}, sheet ${spec.name}`, sheetRecords(sheet));
  }
  return scenarioFromTables(tables, file);
}

/** The scenario as a workbook buffer with one sheet per table, every cell as text. */
export async function scenarioToXlsx(scenarioInput: Scenario): Promise<Uint8Array> {
  const scenario = requireScenario(scenarioInput);
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(scenarioToTables(scenario))) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

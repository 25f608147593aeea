/** A scenario as a folder of CSV files (one per table), in and out. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { readOptionalCsvFile } from './read-csv.js';
import { scenarioFromTables, type ScenarioTables } from './tables-to-scenario.js';
import { ImportProblems } from './import-problems.js';
import { scenarioToTables } from './scenario-to-tables.js';
import { TABLES } from './table-columns.js';
import { requireScenario } from '../scenario/parse.js';

/** CSV text of rows (RFC 4180 quoting, `\n` line ends). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: '\n' });
}

/**
 * Reads a folder holding calendar.csv, rooms.csv, teachers.csv, courses.csv, pathways.csv,
 * students.csv, requests.csv and optionally locks.csv.
 * @throws {@link InputError} naming every bad row of every file.
 */
export function importCsvFolder(folder: string): Scenario {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new InputError(folder, [{ path: '', message: 'not a folder', fix: 'give the folder that holds calendar.csv, courses.csv, ...' }]);
  const tables: ScenarioTables = {};
  // A file that cannot be read is reported with the problems of every other file.
  const problems = new ImportProblems();
  for (const spec of TABLES) {
    const table = problems.read(spec.name, () => readOptionalCsvFile(join(folder, `${spec.name}.csv`), `${spec.name}.csv`));
    if (table) tables[spec.name] = table;
  }
  return scenarioFromTables(tables, folder, problems);
}

/** The scenario's tables as CSV texts keyed by file name (`courses.csv`, ...). */
export function scenarioToCsvFiles(scenarioInput: Scenario): Map<string, string> {
  const scenario = requireScenario(scenarioInput);
  const files = new Map<string, string>();
  for (const [name, rows] of Object.entries(scenarioToTables(scenario))) files.set(`${name}.csv`, toCsv(rows));
  return files;
}

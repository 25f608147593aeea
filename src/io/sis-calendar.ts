/**
 * The bell schedule of an SIS import: written in the mapping, or read from a small file of the
 * export folder in the layout of the project's calendar.csv (`setting,value` rows `name`,
 * `terms`, `days`, `periods`; lists separated by `;`). None of the four SIS keeps terms, rotation
 * days and periods in one table we could verify, so presets ask the school to write this file.
 */
import type { InputProblem } from '../scenario/problems.js';
import type { Calendar } from '../scenario/schema.js';
import { CellReader, splitList } from './cell-reader.js';
import type { SisFolder } from './sis-files.js';
import type { SisMapping } from './sis-mapping.js';

const SETTINGS = ['name', 'terms', 'days', 'periods'] as const;

/** The calendar and scenario name, or undefined with problems when the calendar file is bad. */
export function readSisCalendar(mapping: SisMapping, folder: SisFolder, problems: InputProblem[]): { calendar: Calendar; name: string } | undefined {
  const source = mapping.calendar;
  if (!('file' in source)) return { calendar: source, name: mapping.name };
  const table = folder.table({ file: source.file, delimiter: 'auto' }, ['setting', 'value']);
  if (!table) return undefined;
  const before = problems.length;
  const seen = new Map<string, { value: string; cells: CellReader; row: number }>();
  for (const r of table.rows) {
    const cells = new CellReader(table, r, problems);
    const key = cells.raw('setting');
    if (!(SETTINGS as readonly string[]).includes(key)) {
      problems.push({
        path: `${table.label}, row ${r.row}, column setting`,
        message: `unknown setting ${JSON.stringify(key)}`,
        fix: `expected one of ${SETTINGS.join(', ')}`,
      });
      continue;
    }
    seen.set(key, { value: cells.raw('value'), cells, row: r.row });
  }
  const list = (key: 'terms' | 'days' | 'periods', example: string): string[] => {
    const s = seen.get(key);
    if (!s) {
      problems.push({
        path: `${table.label}, column setting`,
        message: `missing setting "${key}"`,
        fix: `add a row "${key}" with its values separated by ";" (e.g. ${example})`,
      });
      return [];
    }
    const items = splitList(s.value);
    if (items.length === 0) s.cells.text('value', `${key} separated by ";" (e.g. ${example})`);
    return items;
  };
  const calendar = { terms: list('terms', 'Y, or S1;S2'), days: list('days', 'D, or A;B'), periods: list('periods', '1;2;3;4;5;6;7') };
  if (problems.length > before) return undefined;
  return { calendar, name: seen.get('name')?.value || mapping.name };
}

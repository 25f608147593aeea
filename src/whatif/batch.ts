/**
 * A batch of schools: every scenario file of a folder solved on its own (locally or on a queue),
 * one row per school, and the rows as a summary CSV for a district's spreadsheet.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { readScenarioFile } from '../scenario/parse.js';
import { InputError, type InputProblem } from '../scenario/problems.js';
import type { Tally } from '../solution/schema.js';
import type { Comparison } from './rows.js';
import { variantName, type Variant } from './variant.js';

/**
 * Reads every `*.json` file of a folder (not its subfolders) as a scenario named by its file
 * (`valley.json` → `valley`), in file name order. JSON Patches have no base here and are refused.
 * @throws InputError listing every bad file at once, or an empty or missing folder.
 */
export function readScenarioFolder(dir: string): Variant[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.json') && statSync(join(dir, f)).isFile())
      .sort();
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(dir, [
      {
        path: '',
        message: code === 'ENOENT' ? 'folder not found' : code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code ?? String(err)})`,
        fix: 'give a folder of scenario files (*.json)',
      },
    ]);
  }
  if (names.length === 0)
    throw new InputError(dir, [{ path: '', message: 'holds no scenario files (*.json)', fix: 'put one scenario file per school in the folder' }]);
  const problems: InputProblem[] = [];
  const schools: Variant[] = [];
  for (const file of names) {
    const path = join(dir, file);
    try {
      schools.push({ name: variantName(file), scenario: readScenarioFile(path) });
    } catch (err: unknown) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, path: `${file}${p.path ? ` ${p.path}` : ''}` })));
    }
  }
  if (problems.length > 0) throw new InputError(dir, problems);
  return schools;
}

const tallyColumns = (label: string, t: Tally | undefined) => ({ [label]: t?.count ?? '', [`${label} of`]: t?.total ?? '' });

/**
 * The rows as CSV: school, status, each figure as count and total, sections, teacher load,
 * whether the schedule is proven optimal, why the solve stopped, whether it is reproducible,
 * and the message of a row without figures.
 */
export function comparisonCsv(c: Comparison): string {
  const records = c.rows.map((r) => ({
    school: r.name,
    status: r.status,
    ...tallyColumns('pathway placed', r.metrics?.pathwayPlaced),
    ...tallyColumns('fully scheduled', r.metrics?.fullyScheduled),
    ...tallyColumns('requests met', r.metrics?.requestsMet),
    ...tallyColumns('A-G on track', r.metrics?.agOnTrack),
    ...tallyColumns('teams with CPT', r.metrics?.teamsWithCpt),
    sections: r.metrics?.sections ?? '',
    'teacher max sections': r.metrics?.teacherLoad.total ?? '',
    schedule: r.schedule ?? '',
    termination: r.termination ?? '',
    reproducible: r.reproducible === undefined ? '' : r.reproducible ? 'yes' : 'no',
    message: r.message ?? '',
  }));
  return stringify(records, { header: true });
}

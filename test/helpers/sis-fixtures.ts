/**
 * The example SIS exports shipped in fixtures/sis/<sis>/: the bundled default school
 * (fixtures/valley-ab-150.json, synthetic) written by each SIS writer. Regenerate with
 * `npx tsx test/helpers/sis-fixtures.ts`; test/io/io-sis-presets.test.ts proves they have not drifted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readScenarioFile } from '../../src/scenario/parse.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { planExport } from './sis-export-plan.js';
import { SIS_NAMES, writeSisExport, type ExportFiles, type SisName } from './sis-writers.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The school the examples describe. */
export const SIS_FIXTURE_SOURCE = 'fixtures/valley-ab-150.json';
/** Folder of one SIS's example export. */
export const sisFixtureFolder = (sis: SisName) => join(ROOT, 'fixtures/sis', sis);

/**
 * The school as an export holds it: the default school plus three stray request rows, as real
 * exports have them (freshmen asking for a senior course), which the import lists as left out.
 */
export function sisFixtureSchool(): ScenarioInput {
  const school: ScenarioInput = { ...readScenarioFile(join(ROOT, SIS_FIXTURE_SOURCE)) };
  const senior = school.courses.find((c) => !c.grades.includes(9) && !c.grades.includes(10) && !c.grades.includes(11));
  if (!senior) throw new Error(`${SIS_FIXTURE_SOURCE} has no course for seniors only`);
  const strays = school.students
    .filter((st) => st.grade === 9)
    .slice(0, 3)
    .map((st) => st.id);
  school.students = school.students.map((st) => (strays.includes(st.id) ? { ...st, requests: [...st.requests, senior.id] } : st));
  school.policy = { ...school.policy, gradeRule: 'allow' };
  return school;
}

/** The files of one SIS's example export. */
export function sisFixtureFiles(sis: SisName): ExportFiles {
  return writeSisExport(sis, planExport(sisFixtureSchool()));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const sis of SIS_NAMES) {
    const dir = sisFixtureFolder(sis);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = sisFixtureFiles(sis);
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    console.log(`${dir}: ${[...files.keys()].join(', ')}`);
  }
}

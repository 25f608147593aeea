/**
 * The example SIS exports shipped in fixtures/sis/<sis>/: the bundled default school
 * (fixtures/valley-ab-150.json, synthetic) written by each SIS writer. Regenerate with
 * `npx tsx test/helpers/sis-fixtures.ts`; test/io-sis-presets.test.ts proves they have not drifted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { planExport } from './sis-export-plan.js';
import { SIS_NAMES, writeSisExport, type ExportFiles, type SisName } from './sis-writers.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The school the examples describe. */
export const SIS_FIXTURE_SOURCE = 'fixtures/valley-ab-150.json';
/** Folder of one SIS's example export. */
export const sisFixtureFolder = (sis: SisName) => join(ROOT, 'fixtures/sis', sis);

/** The files of one SIS's example export. */
export function sisFixtureFiles(sis: SisName): ExportFiles {
  return writeSisExport(sis, planExport(readScenarioFile(join(ROOT, SIS_FIXTURE_SOURCE))));
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

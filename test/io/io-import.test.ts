import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import { importCsvFolder, scenarioToCsvFiles } from '../../src/io/csv-folder.js';
import { importXlsx, scenarioToXlsx } from '../../src/io/xlsx-workbook.js';
import { importSource } from '../../src/io/import-source.js';

const root = resolve(import.meta.dirname, '../..');
const tiny = () => readScenarioFile(join(root, 'fixtures/tiny-ab.json'));
const tmp = () => mkdtempSync(join(tmpdir(), 'ps-io-'));

function problemsOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('CSV folder import', () => {
  it('reads the bundled fixtures/csv/tiny-ab folder back into the tiny-ab scenario', () => {
    expect(importCsvFolder(join(root, 'fixtures/csv/tiny-ab'))).toEqual(tiny());
  });

  it('round-trips every fixture through CSV files', () => {
    for (const name of ['tiny-ab', 'valley-ab-150']) {
      const scenario = readScenarioFile(join(root, `fixtures/${name}.json`));
      const dir = tmp();
      for (const [file, text] of scenarioToCsvFiles(scenario)) writeFileSync(join(dir, file), text);
      expect(importCsvFolder(dir)).toEqual(scenario);
    }
  });

  it('reports every bad row with file, row, column, value and expected form, all at once', () => {
    const dir = tmp();
    cpSync(join(root, 'fixtures/csv/tiny-ab'), dir, { recursive: true });
    const edit = (file: string, from: RegExp, to: string) => {
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
    };
    edit('courses.csv', /^(ENG9,English 9,b,,9,)32,/m, '$1lots,');
    edit('students.csv', /^(S000734),9,/m, '$1,13,');
    edit('requests.csv', /^S000735,ENG9,required,/m, 'S000735,ENG9,urgent,');
    edit('teachers.csv', /^(T001,S\. Dominguez,ENG9;ENG10;ENG11;ENG12),6,/m, '$1,six,');
    const err = problemsOf(() => importCsvFolder(dir));
    const paths = err.problems.map((p) => p.path);
    expect(paths).toContain('courses.csv, row 2, column capacity');
    expect(paths).toContain('students.csv, row 3, column grade');
    expect(paths).toContain('teachers.csv, row 2, column maxSections');
    expect(paths.some((p) => /^requests\.csv, row \d+, column priority$/.test(p))).toBe(true);
    const capacity = err.problems.find((p) => p.path === 'courses.csv, row 2, column capacity');
    expect(capacity?.message).toBe('bad value "lots"');
    expect(capacity?.fix).toBe('expected a whole number ≥ 1');
    expect(err.problems.find((p) => p.path.startsWith('students.csv'))?.message).toBe('bad value "13"');
  });

  it('names missing and unknown columns and broken references by row', () => {
    const dir = tmp();
    cpSync(join(root, 'fixtures/csv/tiny-ab'), dir, { recursive: true });
    writeFileSync(join(dir, 'rooms.csv'), 'id,kind,capacity\nR101,general,30\n');
    const headerErr = problemsOf(() => importCsvFolder(dir));
    expect(headerErr.problems.map((p) => p.message)).toEqual(expect.arrayContaining(['missing column "type"', 'unknown column "kind"']));

    cpSync(join(root, 'fixtures/csv/tiny-ab'), dir, { recursive: true });
    writeFileSync(join(dir, 'requests.csv'), `${readFileSync(join(dir, 'requests.csv'), 'utf8')}S000733,NOPE101,requested,\n`);
    const refErr = problemsOf(() => importCsvFolder(dir));
    const rows = readFileSync(join(dir, 'requests.csv'), 'utf8').trim().split('\n').length;
    expect(refErr.problems.some((p) => p.path.startsWith(`requests.csv, row ${rows}, column course `) && p.message.includes('NOPE101'))).toBe(true);
    writeFileSync(join(dir, 'requests.csv'), `${readFileSync(join(dir, 'requests.csv'), 'utf8')}S999999,ENG9,,\n`);
    const studentErr = problemsOf(() => importCsvFolder(dir));
    expect(studentErr.problems.some((p) => p.path === `requests.csv, row ${rows + 1}, column student`)).toBe(true);
  });
});

describe('XLSX workbook import', () => {
  it('round-trips tiny-ab through a workbook with one sheet per table', async () => {
    const file = join(tmp(), 'school.xlsx');
    writeFileSync(file, await scenarioToXlsx(tiny()));
    expect(await importXlsx(file)).toEqual(tiny());
    expect((await importSource(file)).kind).toBe('xlsx');
  });

  it('names the sheet, row and column of a bad cell', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const file = join(tmp(), 'school.xlsx');
    writeFileSync(file, await scenarioToXlsx(tiny()));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('rooms');
    if (!sheet) throw new Error('no rooms sheet');
    sheet.getRow(3).getCell(3).value = '-4';
    await book.xlsx.writeFile(file);
    await expect(importXlsx(file)).rejects.toThrow(/rooms, row 3, column capacity/);
  });
});

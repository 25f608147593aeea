/**
 * A course's `grades` hold (SCENARIO.md, "Grades"): under `policy.gradeRule: "strict"` (the
 * default) a request or alternate for a course outside the student's grade is an input problem,
 * named by JSON path (or file, row and column for table imports); under `"allow"` it is admitted
 * and counted in the report.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { importCsvFolder } from '../../src/io/csv-folder.js';
import { check } from '../../src/checker/index.js';
import { formatFigures } from '../../src/report/index.js';

const root = resolve(import.meta.dirname, '../..');
const caseInput = (): ScenarioInput => JSON.parse(readFileSync(join(root, 'test/cases/grade-outside-course.json'), 'utf8')) as ScenarioInput;

function problemsOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('the grade rule at parse time', () => {
  it('refuses a ninth grader’s request for a grade-12 course, naming the path and the fix', () => {
    const err = problemsOf(() => parseScenario(caseInput(), 'grade.json'));
    expect(err.problems).toEqual([
      {
        path: 'students[0].requests[2]',
        message: 'requested course "APCALC" (AP Calculus AB) is for grade 12, but student F01 is in grade 9',
        fix: 'remove it, add 9 to the "grades" of course "APCALC" if the school offers it to grade 9, or set policy.gradeRule to "allow"',
      },
    ]);
  });

  it('lists every request and alternate outside the grade at once, with the other problems', () => {
    const input = caseInput();
    input.students[1]!.requests.push('ALG1', 'NOPE');
    input.students[1]!.alternates = { ENG12: ['ENG9'] };
    const paths = problemsOf(() => parseScenario(input)).problems.map((p) => p.path);
    expect(paths).toEqual(['students[0].requests[2]', 'students[1].requests[2]', 'students[1].requests[3]', 'students[1].alternates["ENG12"][0]']);
  });

  it('admits the same requests under "allow" and the report counts them', () => {
    const input = caseInput();
    input.policy = { ...input.policy, gradeRule: 'allow' };
    const scenario = parseScenario(input);
    expect(scenario.policy.gradeRule).toBe('allow');
    const figures = check(scenario, { sections: [], enrollments: {} }).figures;
    expect(figures.requestsOutsideGrade).toBe(1);
    expect(formatFigures(figures)).toContain(`outside the course's grades (admitted by policy.gradeRule "allow"): 1`);
  });
});

describe('the grade rule in table imports', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-grade-'));
    cpSync(join(root, 'fixtures/csv/tiny-ab'), dir, { recursive: true });
    return dir;
  };
  const append = (dir: string, file: string, text: string) => {
    writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}${text}`);
  };

  it('names the file, row and column of a request or alternate outside the grade', () => {
    const dir = copy();
    const grade9 =
      readFileSync(join(dir, 'students.csv'), 'utf8')
        .split('\n')
        .find((l) => /^[^,]+,9,/.test(l))
        ?.split(',')[0] ?? expect.unreachable('students.csv has no grade 9 student');
    append(dir, 'requests.csv', `${grade9},PHYS,requested,\n${grade9},CHEM,requested,APBIO\n`);
    const rows = readFileSync(join(dir, 'requests.csv'), 'utf8').trim().split('\n').length;
    const problems = problemsOf(() => importCsvFolder(dir)).problems;
    expect(problems.map((p) => p.path)).toEqual([
      expect.stringMatching(new RegExp(`^requests\\.csv, row ${rows - 1}, column course \\(students\\[\\d+\\]\\.requests\\[\\d+\\]\\)$`)),
      expect.stringMatching(new RegExp(`^requests\\.csv, row ${rows}, column course `)),
      expect.stringMatching(new RegExp(`^requests\\.csv, row ${rows}, column alternates \\(students\\[\\d+\\]\\.alternates\\["CHEM"\\]\\[0\\]\\)$`)),
    ]);
    expect(problems[0]?.message).toContain('"PHYS" (Physics) is for grades 11, 12');
  });

  it('reads gradeRule from calendar.csv', () => {
    const dir = copy();
    const grade9 =
      readFileSync(join(dir, 'students.csv'), 'utf8')
        .split('\n')
        .find((l) => /^[^,]+,9,/.test(l))
        ?.split(',')[0] ?? expect.unreachable('students.csv has no grade 9 student');
    append(dir, 'requests.csv', `${grade9},PHYS,requested,\n`);
    writeFileSync(join(dir, 'calendar.csv'), readFileSync(join(dir, 'calendar.csv'), 'utf8').replace('gradeRule,strict', 'gradeRule,allow'));
    expect(importCsvFolder(dir).policy.gradeRule).toBe('allow');
    writeFileSync(join(dir, 'calendar.csv'), readFileSync(join(dir, 'calendar.csv'), 'utf8').replace('gradeRule,allow', 'gradeRule,sometimes'));
    expect(problemsOf(() => importCsvFolder(dir)).problems.map((p) => p.path)).toContain('calendar.csv, row 8, column value');
  });
});

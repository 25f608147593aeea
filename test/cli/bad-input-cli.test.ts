/**
 * Bad and hostile input through the built command line, one kind at a time (issue 12): every
 * case is answered before any work with exit 2, a message naming the path, row or option, no
 * stack trace and no output file left behind; inputs that are merely unusual (a byte-order
 * mark, ids named like object-prototype keys) work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root, runCli, STACK_TRACE, type CliRun } from '../helpers/built-cli.js';

const corpus = (name: string) => join(root, 'test/badinput', name);
const fixture = (name: string) => join(root, 'fixtures', name);
let dir = '';
const at = (name: string) => join(dir, name);
const cli = (...args: string[]) => runCli(dir, args);

/** Exit 2, every pattern in the message, no stack trace, none of `never` written. */
function refused(r: CliRun, patterns: readonly RegExp[], never: readonly string[] = []): void {
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stderr).not.toMatch(/internal error/);
  for (const p of patterns) expect(r.stderr).toMatch(p);
  expect(r.code).toBe(2);
  for (const f of never) expect(existsSync(at(f)), `${f} must not be written`).toBe(false);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pathway-badinput-'));
  mkdirSync(at('folder'));
  writeFileSync(at('plain.txt'), 'not a folder\n');
  // A schedule of the tiny school for the commands that read one.
  const solved = cli('solve', fixture('tiny-ab.json'), '-o', 'tiny-solution.json', '--time-limit', '2');
  expect(solved.code).toBe(0);
}, 180_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('1. output paths are checked before any work, and several outputs are written all or none', () => {
  it('solve -o naming a folder, or a path under a file: exit 2 naming the option, nothing solved or written', () => {
    refused(cli('solve', fixture('tiny-ab.json'), '-o', 'folder'), [/"folder" is a folder, not a file → at -o/, /fix: give a file name for -o/]);
    expect(readdirSync(at('folder'))).toEqual([]);
    refused(cli('solve', fixture('tiny-ab.json'), '-o', 'plain.txt/solution.json'), [/lies under a file.*→ at -o/]);
    refused(cli('solve', fixture('tiny-ab.json'), '-o', 'new.json', '--html', 'folder'), [/→ at --html/], ['new.json']);
  });

  it('every output problem and every input problem at once', () => {
    writeFileSync(at('broken.json'), '{"format": ');
    const r = cli('solve', 'broken.json', '-o', 'folder', '--html', 'plain.txt/r.html');
    refused(r, [/→ at -o\n/, /→ at --html\n/, /→ at broken\.json, line 1, column 12\n/]);
  });

  it('export --csv ok --html <folder> writes no CSV (the README case), and --mps/--lp with one stem are refused', () => {
    refused(
      cli('export', fixture('tiny-ab.json'), 'tiny-solution.json', '--csv', 'ok', '--html', 'folder'),
      [/"folder" is a folder, not a file → at --html/],
      ['ok'],
    );
    refused(
      cli('export', fixture('tiny-ab.json'), '--mps', 'm.mps', '--lp', 'm.lp'),
      [/"m\.map\.json" would be written twice/],
      ['m.mps', 'm.lp', 'm.map.json'],
    );
    refused(cli('export', fixture('tiny-ab.json'), 'tiny-solution.json', '--oneroster', 'folder', '--school-id', '101', '--school-year', '2028'), [
      /is not a \.zip file: a OneRoster bulk set is one zip → at --oneroster/,
    ]);
    refused(cli('export', fixture('tiny-ab.json'), 'tiny-solution.json', '--oneroster', 'folder.zip'), [
      /→ at --school-id/,
      /fix: add --school-id/,
      /→ at --school-year/,
    ]);
  });

  it('an output over an input, and the other commands with outputs', () => {
    cpSync(fixture('tiny-ab.json'), at('school.json'));
    refused(cli('solve', 'school.json', '-o', 'school.json'), [/is an input of this command and would be overwritten → at -o/]);
    expect(readFileSync(at('school.json'), 'utf8')).toBe(readFileSync(fixture('tiny-ab.json'), 'utf8'));
    refused(cli('import', fixture('csv/tiny-ab'), '-o', 'folder'), [/→ at -o/]);
    refused(cli('generate', '--students', '40', '-o', 'folder'), [/→ at -o/]);
    refused(cli('report', fixture('tiny-ab.json'), '--kind', 'tallies', '-o', 'folder'), [/→ at -o/]);
    refused(cli('whatif', fixture('tiny-ab.json'), corpus('patch71-not-array.patch.json'), '-o', 'plain.txt'), [
      /"plain\.txt" is a file, not a folder → at -o/,
      /a JSON Patch is an array of operations/,
    ]);
  });

  it.skipIf(!existsSync('/proc'))('a place that cannot be written', () => {
    refused(cli('solve', fixture('tiny-ab.json'), '-o', '/proc/pathway-scheduler/solution.json'), [/cannot be written.*→ at -o/]);
  });

  // root may write anywhere, so only another user sees a read-only file refused.
  it.skipIf(process.getuid?.() === 0)('a read-only output file', () => {
    writeFileSync(at('locked.json'), '{}');
    chmodSync(at('locked.json'), 0o444);
    refused(cli('solve', fixture('tiny-ab.json'), '-o', 'locked.json'), [/"locked\.json" is read-only → at -o/]);
    expect(readFileSync(at('locked.json'), 'utf8')).toBe('{}');
  });
});

describe('2. ids named like object-prototype keys work everywhere', () => {
  it('a student __proto__ is solved, checked and exported', () => {
    const solved = cli('solve', corpus('22-student-id-__proto__.json'), '-o', 'proto.json', '--time-limit', '2');
    expect(solved.stderr).not.toMatch(/internal error/);
    expect(solved.code).toBe(0);
    const solution = JSON.parse(readFileSync(at('proto.json'), 'utf8')) as { enrollments: Record<string, string[]> };
    expect(Object.keys(solution.enrollments)).toContain('__proto__');
    expect(solution.enrollments['__proto__']?.length).toBeGreaterThan(0);
    expect(cli('check', corpus('22-student-id-__proto__.json'), 'proto.json').code).toBe(0);
    const exported = cli('export', corpus('22-student-id-__proto__.json'), 'proto.json', '--csv', 'proto-csv');
    expect(exported.code).toBe(0);
    expect(readFileSync(at('proto-csv/student-schedules.csv'), 'utf8')).toMatch(/^__proto__,/m);
  });

  it('a CSV import keeps the priorities of a course named __proto__ and a teacher named constructor', () => {
    cpSync(fixture('csv/tiny-ab'), at('proto-csv-in'), { recursive: true });
    for (const f of readdirSync(at('proto-csv-in'))) {
      const text = readFileSync(at(`proto-csv-in/${f}`), 'utf8')
        .replace(/\bGEOM\b/g, '__proto__')
        .replace(/\bT001\b/g, 'constructor');
      writeFileSync(at(`proto-csv-in/${f}`), text);
    }
    const r = cli('import', 'proto-csv-in', '-o', 'proto-scenario.json');
    expect(r.stderr).toBe('Wrote proto-scenario.json.\n');
    expect(r.code).toBe(0);
    const scenario = JSON.parse(readFileSync(at('proto-scenario.json'), 'utf8')) as {
      students: Array<{ priorities?: Record<string, string> }>;
      teachers: Array<{ id: string }>;
    };
    expect(scenario.students.filter((s) => s.priorities && Object.keys(s.priorities).includes('__proto__')).length).toBeGreaterThan(0);
    expect(scenario.teachers.map((t) => t.id)).toContain('constructor');
  });
});

describe('3. sizes no school has are refused up front, with the limit named', () => {
  const school = () =>
    JSON.parse(readFileSync(fixture('tiny-ab.json'), 'utf8')) as {
      calendar: { terms: string[]; days: string[]; periods: string[] };
      teachers: Array<{ unavailable?: string[] }>;
      locks?: unknown[];
    };
  it('2,000 and 100,000 periods a day, and 300 slots', () => {
    for (const n of [2000, 100_000]) {
      const s = school();
      s.calendar.periods = Array.from({ length: n }, (_, i) => String(i + 1));
      writeFileSync(at(`periods-${n}.json`), JSON.stringify(s));
      refused(
        cli('solve', `periods-${n}.json`, '-o', 'never.json', '--time-limit', '10'),
        [/at most 20 periods in a day.*→ at calendar\.periods/],
        ['never.json'],
      );
    }
    const s = school();
    s.calendar = { terms: ['1', '2', '3', '4', '5', '6'], days: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'], periods: ['1', '2', '3', '4', '5'] };
    for (const t of s.teachers) delete t.unavailable;
    s.locks = [];
    writeFileSync(at('slots.json'), JSON.stringify(s));
    refused(cli('solve', 'slots.json', '-o', 'never.json'), [/make 300 slots; a calendar has at most 240 .*→ at calendar\n/], ['never.json']);
  });
});

describe('4. option ranges, the same for the CLI and the policy', () => {
  it('refuses --time-limit 1e7, --seed 1e12 and policy.timeLimitSeconds 1e12 with the allowed range', () => {
    refused(
      cli('solve', fixture('tiny-ab.json'), '-o', 'never.json', '--time-limit', '1e7', '--seed', '1e12'),
      [/at most 86,400 s \(24 hours\) → at --time-limit/, /→ at --seed/],
      ['never.json'],
    );
    refused(
      cli('solve', corpus('27-policy-timelimit-1e12.json'), '-o', 'never.json'),
      [/at most 86,400 s \(24 hours\) → at policy\.timeLimitSeconds/],
      ['never.json'],
    );
    refused(
      cli('whatif', fixture('tiny-ab.json'), corpus('patch71-not-array.patch.json'), '--time-limit', '0', '-o', 'never'),
      [/at least 0\.1 s → at --time-limit/],
      ['never'],
    );
    refused(
      cli('solve', fixture('tiny-ab.json'), '-o', 'never.json', '--time-limit', 'soon'),
      [/found something that is not a number → at --time-limit/],
      ['never.json'],
    );
  });

  it('refuses an unknown --solver, --strategy, --kind or --calendar naming the option and the values to use', () => {
    refused(
      cli('solve', fixture('tiny-ab.json'), '-o', 'never.json', '--solver', 'gurobi', '--strategy', 'fastest'),
      [
        /✖ not an accepted value → at --solver\n\s+fix: use one of "highs", "glpk", "jsl", "cpsat"/,
        /→ at --strategy\n\s+fix: use one of "cte-first", "academic-first"/,
      ],
      ['never.json'],
    );
    refused(cli('report', fixture('tiny-ab.json'), 'tiny-solution.json', '--kind', 'summary'), [/→ at --kind\n\s+fix: use one of "conflicts", "tallies"/]);
    refused(cli('generate', '--students', '300', '--calendar', 'block', '-o', 'never.json'), [/→ at --calendar\n\s+fix: use one of "ab8"/], ['never.json']);
  });
});

describe('5. import-solution trusts nothing', () => {
  beforeAll(() => {
    expect(cli('export', fixture('tiny-ab.json'), '--mps', 'model.mps').code).toBe(0);
  });
  it('refuses a file that says infeasible, an empty file, plain text, unknown columns and fractional values', () => {
    const imp = (file: string) => cli('import-solution', fixture('tiny-ab.json'), 'model.map.json', file, '-o', 'imported.json');
    refused(imp(corpus('isol96-cbc-infeasible.sol')), [/the solver says "Infeasible": there is no schedule to import/], ['imported.json']);
    writeFileSync(at('empty.sol'), '');
    refused(imp('empty.sol'), [/empty\.sol: 1 problem\n✖ the solver solution file is empty/], ['imported.json']);
    writeFileSync(at('words.sol'), 'The solver ran out of memory\n');
    refused(imp('words.sol'), [/no column values and no solver status/, /1 line is neither a value nor a status.*→ at line 1/], ['imported.json']);
    const column = (JSON.parse(readFileSync(at('model.map.json'), 'utf8')) as { columns: string[] }).columns[0]!;
    writeFileSync(at('odd.sol'), `Optimal - objective value 5\n      0 ${column} 0.5 0\n      1 teach[NOPE] 1 0\n`);
    refused(imp('odd.sol'), [/names 1 column the model lacks: teach\[NOPE\]/, /integer column has a value that is not whole/], ['imported.json']);
  });
  it("prints the solver's stated status and objective beside the checker's figures", () => {
    writeFileSync(at('zero.sol'), 'Stopped on time - objective value 0.00000000\n');
    const r = cli('import-solution', fixture('tiny-ab.json'), 'model.map.json', 'zero.sol', '-o', 'imported.json');
    expect(r.stdout).toMatch(/^The solver's file says: Stopped on time, objective 0; recomputed from its values: 0\.\n/);
    expect(r.stdout).toMatch(/Pathway students successfully placed: 0 of 5/);
    expect(r.code).toBe(0);
  });
});

describe('6. impossible data is named', () => {
  it('requested courses no teacher can take (every maxSections 0)', () => {
    refused(
      cli('solve', corpus('06-all-maxsections-zero.json'), '-o', 'never.json'),
      [/no teacher is able to take a section of course "ENG9" \(English 9\), which 8 students request: T001 has maxSections 0 → at courses\[0\]/],
      ['never.json'],
    );
  });
  it('a course whose only teacher is unavailable in every placement', () => {
    const s = JSON.parse(readFileSync(fixture('tiny-ab.json'), 'utf8')) as { teachers: Array<{ id: string; courses: string[]; unavailable?: string[] }> };
    const t = s.teachers.find((x) => x.courses.includes('HS1')) ?? expect.unreachable('tiny-ab has no teacher of HS1');
    t.unavailable = ['A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.2', 'B.3', 'B.4'];
    writeFileSync(at('unavailable.json'), JSON.stringify(s));
    refused(
      cli('solve', 'unavailable.json', '-o', 'never.json'),
      [new RegExp(`course "HS1".*${t.id} is unavailable in every placement of the course → at courses\\[\\d+\\]`)],
      ['never.json'],
    );
  });
  it('slot names two slots share, in solve and check', () => {
    refused(
      cli('solve', corpus('18-ambiguous-slot-names.json'), '-o', 'never.json'),
      [/two slots are both named "A\.1\.1": day "A", period "1\.1" and day "A\.1", period "1" → at calendar/],
      ['never.json'],
    );
    refused(cli('check', corpus('18-ambiguous-slot-names.json'), 'tiny-solution.json'), [/two slots are both named "A\.1\.1"/]);
  });
});

describe('7. imports report every problem of every file at once; encodings and JSON syntax are named', () => {
  it('a semicolon-separated file', () => {
    refused(
      cli('import', corpus('csv42-semicolon'), '-o', 'never.json'),
      [/the file looks separated by semicolons, not commas.*→ at courses\.csv, row 1/],
      ['never.json'],
    );
  });
  it('a short row, an unknown student and an unknown course in one run', () => {
    const r = cli('import', corpus('csv47-unknown-ids'), '-o', 'never.json');
    refused(
      r,
      [
        /3 problems/,
        /missing value: the row has only 2 of 3 columns → at rooms\.csv, row 11, column capacity/,
        /unknown student "S999999" → at requests\.csv, row 195, column student/,
        /unknown course "BASKETWEAVING" → at requests\.csv, row 194/,
      ],
      ['never.json'],
    );
  });
  it("UTF-16 and Latin-1 files, reported with the other files' problems", () => {
    cpSync(fixture('csv/tiny-ab'), at('encodings'), { recursive: true });
    const teachers = readFileSync(at('encodings/teachers.csv'), 'utf8');
    writeFileSync(at('encodings/teachers.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(teachers, 'utf16le')]));
    writeFileSync(at('encodings/courses.csv'), Buffer.from(readFileSync(at('encodings/courses.csv'), 'utf8').replace('English 9', 'Español 9'), 'latin1'));
    writeFileSync(at('encodings/rooms.csv'), readFileSync(at('encodings/rooms.csv'), 'utf8').replace(/^(R\w+,\w+),\d+$/m, '$1,lots'));
    refused(
      cli('import', 'encodings', '-o', 'never.json'),
      [
        /UTF-16 \(little-endian\).*→ at teachers\.csv/,
        /not UTF-8: byte 0xF1 at line \d+, column \d+ looks like Latin-1.*→ at courses\.csv/,
        /bad value "lots" → at rooms\.csv, row \d+, column capacity/,
      ],
      ['never.json'],
    );
  });
  it('a UTF-8 byte-order mark is accepted; a JSON syntax error names its line and column', () => {
    const r = cli('solve', corpus('20-json-with-bom.json'), '-o', 'bom.json', '--time-limit', '2');
    expect(r.code).toBe(0);
    writeFileSync(at('syntax.json'), '{\n  "format": "pathway-scheduler/scenario@1",\n  "name": "x",,\n}\n');
    refused(cli('solve', 'syntax.json', '-o', 'never.json'), [/not valid JSON: .*, in: "name": "x",, → at line 3, column 15\n/], ['never.json']);
  });
});

describe('8. messages point at the mistake', () => {
  it('a patch that is not an array', () => {
    refused(
      cli('whatif', fixture('tiny-ab.json'), corpus('patch71-not-array.patch.json'), '-o', 'never'),
      [/a JSON Patch is an array of operations \(RFC 6902\)/, /fix: write \[\{"op": "replace"/],
      ['never'],
    );
  });
  it("check given another school's solution names the school the solution was made for", () => {
    refused(cli('check', fixture('valley-ab-150.json'), 'tiny-solution.json'), [
      /this solution was made for another school: "Tiny HS \(synthetic\), A\/B 8-block, 30 students", not "Valley HS/,
    ]);
    refused(cli('export', fixture('valley-ab-150.json'), 'tiny-solution.json', '--html', 'never.html'), [/made for another school/], ['never.html']);
  });
  it('a file given in the wrong place says what it is', () => {
    refused(cli('check', fixture('tiny-ab.json'), fixture('tiny-ab.json')), [
      /1 problem\n✖ this file is a scenario \(the school\), not a solution \(a schedule written by solve\) → at format/,
    ]);
    refused(cli('solve', 'tiny-solution.json', '-o', 'never.json'), [/this file is a solution .*, not a scenario/], ['never.json']);
  });
  it('every problem comes with a fix', () => {
    const s = JSON.parse(readFileSync(fixture('tiny-ab.json'), 'utf8')) as Record<string, unknown>;
    s['rooms'] = 'R101';
    s['students'] = [{ id: 5 }];
    (s['calendar'] as Record<string, unknown>)['periods'] = [1, 2];
    s['extra'] = true;
    writeFileSync(at('zod.json'), JSON.stringify(s));
    const r = cli('solve', 'zod.json', '-o', 'never.json');
    refused(r, [/→ at rooms/, /→ at students\[0\]\.id/, /→ at calendar\.periods\[0\]/], ['never.json']);
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('✖')).length;
    expect(r.stderr.split('\n').filter((l) => l.startsWith('    fix: ')).length).toBe(problems);
    expect(r.stderr).not.toMatch(/Invalid input/);
  });
});

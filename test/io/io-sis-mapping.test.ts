/**
 * The SIS mapping format and its reader on their own: period expressions, value dictionaries,
 * near matches, delimiters, row filters, version 1 files, and bad exports reported the way the
 * CSV import reports them (every problem at once with file, row, column, value and expected form).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSis } from '../../src/io/sis-import.js';
import { parseSisMapping } from '../../src/io/sis-mapping.js';
import { readSisPreset } from '../../src/io/sis-presets.js';
import { nearMatches } from '../../src/io/near-match.js';
import { lookupValue } from '../../src/io/sis-values.js';
import { sniffDelimiter } from '../../src/io/sis-files.js';
import { CalendarCodes, joinMeetings, placementShape } from '../../src/io/sis-slots.js';
import { InputError } from '../../src/scenario/problems.js';
import { sisFixtureFolder } from '../helpers/sis-fixtures.js';
import { SCHOOL, YEAR, type SisName } from '../helpers/sis-writers.js';

const parameters = { $school: SCHOOL, $year: YEAR };

function problemsOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

/** A copy of a shipped example export to damage. */
function copyOf(sis: SisName): { dir: string; edit: (file: string, from: RegExp | string, to: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), `ps-sis-bad-${sis}-`));
  cpSync(sisFixtureFolder(sis), dir, { recursive: true });
  const edit = (file: string, from: RegExp | string, to: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit of ${file} changed nothing`);
    writeFileSync(join(dir, file), next);
  };
  return { dir, edit };
}

describe('period expressions and section times', () => {
  const calendar = { terms: ['S1', 'S2'], days: ['A', 'B', 'C', 'D', 'E'], periods: ['1', '2', '3', '4', '5', '6', '7'] };
  const codes = new CalendarCodes(calendar, {});
  const one = (text: string) => {
    const read = codes.expression(text);
    if (!read.ok) return read.expected;
    const joined = joinMeetings(calendar, read.value, undefined);
    if (!joined) return 'not placed';
    return joined.ok ? joined.value : joined.expected;
  };

  it('reads PowerSchool expressions: period ranges, day ranges and lists, several meetings', () => {
    expect(one('1-2(A-E)')).toEqual({ periods: ['1', '2'], days: ['A', 'B', 'C', 'D', 'E'], terms: undefined });
    expect(one('3(A) 3(C)')).toEqual({ periods: ['3'], days: ['A', 'C'], terms: undefined });
    expect(one('4(A-B,D)')).toEqual({ periods: ['4'], days: ['A', 'B', 'D'], terms: undefined });
    expect(one('5')).toEqual({ periods: ['5'], days: ['A', 'B', 'C', 'D', 'E'], terms: undefined });
    expect(one('1(A) 2(A)')).toEqual({ periods: ['1', '2'], days: ['A'], terms: undefined });
    expect(one('')).toBe('not placed');
  });

  it('rejects what a scenario section cannot be, saying what it expected', () => {
    expect(one('1(A) 3(B)')).toContain('the same period(s) on every day');
    expect(one('1(A) 3(A)')).toContain('consecutive periods');
    expect(one('9(A)')).toContain('periods from 1, 2, 3, 4, 5, 6, 7');
    expect(one('1(Z)')).toContain('days from A, B, C, D, E');
    expect(one('3-1(A)')).toContain('meetings like');
    const read = placementShape(calendar, { periods: ['1', '2', '3'], days: ['A'], terms: undefined });
    expect(read.ok ? read.value : read.expected).toContain('double period');
    const two = placementShape(calendar, { periods: ['1'], days: ['A', 'B'], terms: undefined });
    expect(two.ok ? two.value : two.expected).toContain('one rotation day or all 5');
  });

  it('reads a period with a block length (Aeries) or an end period (Synergy), and term codes', () => {
    const aeries = codes.periodCells('3', '2', undefined, 'B');
    expect(aeries.ok && aeries.value).toEqual([{ periods: ['3', '4'], days: ['B'] }]);
    const synergy = codes.periodCells('6', undefined, '7', '');
    expect(synergy.ok && synergy.value).toEqual([{ periods: ['6', '7'], days: ['A', 'B', 'C', 'D', 'E'] }]);
    const over = codes.periodCells('7', '2', undefined, undefined);
    expect(over.ok ? over.value : over.expected).toContain('ends within the day');
    const ps = new CalendarCodes(calendar, { terms: { '*00': 'year', '*01': '#1', '*02': '#2' } });
    expect(ps.terms('3500')).toEqual(['S1', 'S2']);
    expect(ps.terms('3502')).toEqual(['S2']);
    expect(ps.terms('3507')).toBeUndefined();
    expect(placementShape(calendar, { periods: ['2'], days: ['A'], terms: ['S2'] })).toEqual({ ok: true, value: { periods: 1, days: 'one', terms: 'one' } });
  });
});

describe('value dictionaries, near matches and delimiters', () => {
  it('looks codes up exactly (any case), then by wildcard, then by numeric range', () => {
    const dict = { Required: 'required', '1-10': 'required', '11-20': 'requested', '*01': 'S1' };
    expect(lookupValue(dict, ' required ')).toBe('required');
    expect(lookupValue(dict, '15')).toBe('requested');
    expect(lookupValue(dict, '3401')).toBe('S1');
    expect(lookupValue(dict, '21')).toBeUndefined();
    expect(lookupValue(dict, '')).toBeUndefined();
  });

  it('finds near matches by case, separators and edit distance', () => {
    expect(nearMatches('CourseNumber', ['Course_Number', 'coursenumber', 'Student_Number', 'Room'])).toEqual(['Course_Number', 'coursenumber']);
    expect(nearMatches('NG', ['ng', 'SN', 'ID'])).toEqual(['ng', 'ID', 'SN']);
    expect(nearMatches('Sched_NextYearGrade', ['Sched_NextYearTeam', 'Grade_Level'])).toEqual(['Sched_NextYearTeam']);
  });

  it('chooses tab, semicolon, pipe or comma from the header line', () => {
    expect(sniffDelimiter('Course_Number\tCourse_Name\tSchoolID')).toBe('\t');
    expect(sniffDelimiter('COURSE_ID;COURSE_TITLE')).toBe(';');
    expect(sniffDelimiter('a|b|c')).toBe('|');
    expect(sniffDelimiter('"a;b",c')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
  });
});

describe('an export that differs from the preset', () => {
  it('names the file, the column it expected and the near matches it found', () => {
    const { dir, edit } = copyOf('powerschool');
    edit('ScheduleRequests.text', /^(SchoolID\tYearID\tStudent_Number\t)CourseNumber/, '$1Course_Number');
    edit('Students.text', 'Sched_NextYearGrade', 'sched_nextyeargrade');
    const err = problemsOf(() => importSis(dir, readSisPreset('powerschool'), parameters));
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        path: 'ScheduleRequests.text, row 1, column CourseNumber',
        message: 'missing column "CourseNumber"; near matches: "Course_Number"',
      }),
    );
    expect(err.problems).toContainEqual(
      expect.objectContaining({
        path: 'Students.text, row 1, column Sched_NextYearGrade',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.stringMatching) as any
        message: expect.stringMatching(/^missing column "Sched_NextYearGrade"; near matches: "sched_nextyeargrade"/),
      }),
    );
    expect(err.problems).toHaveLength(2);
    expect(err.message.replace(dir, '<export>')).toMatchInlineSnapshot(`
      "<export>: 2 problems
      ✖ missing column "Sched_NextYearGrade"; near matches: "sched_nextyeargrade", "Sched_NextYearTeam" → at Students.text, row 1, column Sched_NextYearGrade
          fix: rename the column in the export, or correct the mapping (columns present: Next_School, Student_Number, sched_nextyeargrade, Sched_NextYearTeam, Gender)
      ✖ missing column "CourseNumber"; near matches: "Course_Number" → at ScheduleRequests.text, row 1, column CourseNumber
          fix: rename the column in the export, or correct the mapping (columns present: SchoolID, YearID, Student_Number, Course_Number, AlternateCourseNumber1, AlternateCourseNumber2, AlternateCourseNumber3)"
    `);
  });

  it('finds a file under another case or extension, and names near matches of one it cannot find', () => {
    const { dir } = copyOf('aeries');
    renameSync(join(dir, 'CRS.csv'), join(dir, 'crs.TXT'));
    renameSync(join(dir, 'SMS.csv'), join(dir, 'SMS_export.csv'));
    const err = problemsOf(() => importSis(dir, readSisPreset('aeries'), parameters));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]?.path).toBe('SMS.csv');
    expect(err.problems[0]?.message).toContain('missing file "SMS.csv"');
    expect(err.problems[0]?.message).toContain('near matches: "SMS_export.csv"');
    renameSync(join(dir, 'SMS_export.csv'), join(dir, 'SMS.csv'));
    expect(importSis(dir, readSisPreset('aeries'), parameters).scenario.courses.length).toBeGreaterThan(20);
  });

  it('says when a comma-separated reading finds one column and a delimiter should be set', () => {
    const { dir } = copyOf('synergy');
    const mapping = readSisPreset('synergy');
    const err = problemsOf(() => importSis(dir, { ...mapping, delimiter: ',' }, parameters));
    const courses = err.problems.find((p) => p.path === 'synergy_courses.csv, row 1, column COURSE_ID');
    expect(courses?.fix).toContain('set "delimiter"');
  });

  it('asks for --school when the rows hold several schools, and keeps one school with it', () => {
    const err = problemsOf(() => importSis(sisFixtureFolder('aeries'), readSisPreset('aeries'), {}));
    expect(err.problems).toContainEqual({
      path: 'SMS.csv, column SC',
      message: 'the file holds rows of several values of SC (101, 999)',
      fix: 'choose one with --school',
    });
    const other = importSis(sisFixtureFolder('aeries'), readSisPreset('aeries'), { $school: SCHOOL });
    expect(other.scenario.students).toHaveLength(150);
    const wrong = problemsOf(() => importSis(sisFixtureFolder('aeries'), readSisPreset('aeries'), { $school: '102' }));
    expect(wrong.problems).toContainEqual({
      path: 'SMS.csv, column SC',
      message: 'no row has SC "102"',
      fix: 'give --school one of the values present: 101, 999',
    });
  });
});

describe('bad rows', () => {
  it('are all reported at once, each with file, row, column, value and expected form', () => {
    const { dir, edit } = copyOf('aeries');
    edit('CRS.csv', /^(ENG9,English 9,Y,)9,/m, '$1nine,');
    edit('SMS.csv', /^(101,1,[A-Z0-9]+,)\d,/m, '$19,');
    edit('STU.csv', /^(101,S\d+,\d+,)9,/m, '$113,');
    edit('ACR.csv', /^(101,S\d+,\d+,[A-Z0-9]+,)\d+$/m, '$1first');
    edit('SMS.csv', /^(101,2,[A-Z0-9]+,\d,\d,[AB],)Y,/m, '$1Q,');
    const err = problemsOf(() => importSis(dir, readSisPreset('aeries'), parameters));
    const at = (prefix: string) => err.problems.find((p) => p.path.startsWith(prefix));
    expect(at('CRS.csv, row 2, column LO')).toEqual({
      path: 'CRS.csv, row 2, column LO',
      message: 'bad value "nine"',
      fix: 'expected one of 9, 10, 11, 12, 09',
    });
    expect(at('SMS.csv, row 2, column PD')).toMatchObject({ message: 'bad value "9"', fix: 'expected a period from 1, 2, 3, 4' });
    expect(at('SMS.csv, row 3, column SM')?.fix).toBe('expected a term code: Y, F, S');
    expect(err.problems.find((p) => /^STU\.csv, row \d+, column NG$/.test(p.path))).toMatchObject({ message: 'bad value "13"' });
    expect(err.problems.find((p) => /^ACR\.csv, row \d+, column SRT$/.test(p.path))).toMatchObject({ message: 'bad value "first"' });
    expect(err.problems.length).toBeGreaterThanOrEqual(5);
  });

  it('reports a section whose time disagrees with its course, and an alternate row with no request before it', () => {
    const ps = copyOf('powerschool');
    ps.edit('ScheduleSections.text', /^(101\tENG9\t1\t[^\t]*\t[^\t]*\t)\d\(([AB])\)/m, '$11-2($2)');
    const err = problemsOf(() => importSis(ps.dir, readSisPreset('powerschool'), parameters));
    expect(err.problems).toEqual([
      {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.stringMatching) as any
        path: expect.stringMatching(/^ScheduleSections\.text, row \d+, column Expression$/),
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.stringMatching) as any
        message: expect.stringMatching(/^bad value "1-2\([AB]\)"$/),
        fix: "expected a time matching the course's periods per meeting (periods: 1)",
      },
    ]);

    const ic = copyOf('infinite-campus');
    const first = readFileSync(join(ic.dir, 'ic_requests.csv'), 'utf8').split('\n')[1] ?? '';
    ic.edit('ic_requests.csv', `${first}\n`, `${first.replace(/,[A-Za-z]+$/, ',Alternate').replace(/^(S\d+),/, 'S999000,')}\n${first}\n`);
    const icErr = problemsOf(() => importSis(ic.dir, readSisPreset('infinite-campus'), parameters));
    expect(icErr.problems).toEqual([
      expect.objectContaining({
        path: 'ic_requests.csv, row 2, column requestType',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.stringContaining) as any
        fix: expect.stringContaining('an alternate row after a request row of student S999000'),
      }),
    ]);
  });

  it("lists requests outside a course's grades as left out, with the row they came from", () => {
    const result = importSis(sisFixtureFolder('synergy'), readSisPreset('synergy'), parameters);
    expect(result.dropped.length).toBeGreaterThan(0);
    for (const d of result.dropped) {
      expect(d.file).toBe('synergy_requests.csv');
      expect(d.reason).toBe("outside the course's grades");
      const row = readFileSync(join(sisFixtureFolder('synergy'), 'synergy_requests.csv'), 'utf8').split('\n')[d.row - 1];
      expect(row).toBe(`${d.student};${d.course}`);
    }
    const mapping = readSisPreset('synergy');
    const err = problemsOf(() => importSis(sisFixtureFolder('synergy'), { ...mapping, unschedulableRequests: 'error' }, parameters));
    expect(err.problems[0]?.fix).toMatch(/^expected a course offered to the student's grade \(\w+ takes grades? \d+(–\d+)?; set policy\.gradeRule to "allow"/);
    expect(err.problems).toHaveLength(result.dropped.length);
  });
});

describe('quarters, sections fixed to a term, co-teachers and allowed periods', () => {
  const mapping = (delimiter: ',' | 'auto') =>
    parseSisMapping(
      {
        format: 'pathway-scheduler/sis-mapping@2',
        name: 'Quarter school',
        calendar: { terms: ['Q1', 'Q2', 'Q3', 'Q4'], days: ['A', 'B'], periods: ['1', '2', '3', '4'] },
        delimiter,
        courses: { file: 'courses.csv', id: 'code', name: 'title', capacity: 'max', length: 'terms', periodsPerMeeting: 'ppm' },
        sections: {
          file: 'sections.csv',
          course: 'code',
          id: 'sec',
          teachers: ['teacher', 'coteacher'],
          room: 'room',
          slot: { expression: 'expr' },
          term: 'term',
          locked: 'locked',
          placement: 'allowed-periods',
        },
        requests: { file: 'requests.csv', student: 'sid', grade: 'grade', course: 'code' },
        values: { terms: { '*00': 'year', '*01': '#1', '*02': '#2', '*03': '#3', '*04': '#4' } },
      },
      'quarters.json',
    );
  const write = (dir: string, seminar: boolean) => {
    writeFileSync(
      join(dir, 'courses.csv'),
      `code,title,max,terms,ppm\nMATH,Math,30,4,1\nART,Art,25,1,1\nSHOP,Shop,20,1,2\n${seminar ? 'SEM,Seminar,20,2,1\n' : ''}`,
    );
    writeFileSync(
      join(dir, 'sections.csv'),
      `code\tsec\tteacher\tcoteacher\troom\texpr\tterm\tlocked\nMATH\t1\tT1\t\tR1\t1(A)\t3500\t0\nMATH\t2\tT1\t\tR1\t2(B)\t3500\t0\nART\t1\tT2\tT3\tR2\t3(A)\t3503\t1\nSHOP\t1\tT3\t\tR2\t1-2(B)\t3502\t0\n${seminar ? 'SEM\t1\tT2\t\tR1\t4(A)\t3501\t0\n' : ''}`,
    );
    writeFileSync(join(dir, 'requests.csv'), 'sid,grade,code\nS1,9,MATH\nS1,9,ART\nS2,10,SHOP\nS2,10,MATH\n');
  };

  it('reads lengths in terms, term codes, locks on flagged sections, and the periods sections use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-sis-q-'));
    write(dir, false);
    const { scenario } = importSis(dir, mapping('auto'));
    expect(scenario.courses.map((c) => [c.id, c.meets, c.allowedPeriods, c.sections])).toEqual([
      ['MATH', { periods: 1, days: 'one', terms: 'all' }, ['1', '2'], 2],
      ['ART', { periods: 1, days: 'one', terms: 'one' }, ['3'], 1],
      ['SHOP', { periods: 2, days: 'one', terms: 'one' }, ['1', '2'], 1],
    ]);
    expect(scenario.locks).toEqual([{ course: 'ART', slot: 'Q3.A.3' }]);
    expect(scenario.teachers).toEqual([
      { id: 'T1', name: '', courses: ['MATH'], maxSections: 2, room: 'R1' },
      { id: 'T2', name: '', courses: ['ART'], maxSections: 1, room: 'R2' },
      { id: 'T3', name: '', courses: ['ART', 'SHOP'], maxSections: 2, room: 'R2' },
    ]);
  });

  it('says which course lengths a calendar cannot express, and which delimiter a file needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-sis-q-'));
    write(dir, true);
    const err = problemsOf(() => importSis(dir, mapping('auto')));
    expect(err.problems).toEqual([
      {
        path: 'courses.csv, row 5, column terms',
        message: 'bad value "2"',
        fix: 'expected a number of terms: 1 or 4 (the calendar has 4 terms; other lengths cannot be expressed)',
      },
    ]);
    const comma = problemsOf(() => importSis(dir, mapping(','))).problems;
    expect(comma[0]?.path).toBe('sections.csv, row 1, column code');
    expect(comma[0]?.fix).toContain('set "delimiter"');
  });
});

describe('mapping files', () => {
  it('reads a version 1 mapping as version 2: staffing rows are sections, room rows room use, one period every day', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-sis-v1-'));
    writeFileSync(join(dir, 'courses.csv'), 'code,title,len,max,n,blocks\nBIO,Biology,2,30,2,\nART,Art,1,25,1,"2, 3"\nOLD,Old,1,20,0,\n');
    writeFileSync(join(dir, 'staff.csv'), 'tid,course\nT1,BIO\nT1,BIO\nT2,ART\n');
    writeFileSync(join(dir, 'rooms.csv'), 'room,course,tid\nR1,BIO,T1\nR2,ART,T2\nR1,ART,T2\nR1,ART,T2\n');
    writeFileSync(join(dir, 'requests.csv'), 'sid,year,code,type\nS1,Fr,BIO,must\nS1,Fr,ART,may\nS2,So,BIO,may\nS2,So,OLD,must\n');
    const v1 = {
      format: 'pathway-scheduler/sis-mapping@1',
      name: 'v1 school',
      calendar: { terms: ['F', 'S'], days: ['A', 'B'], periods: ['1', '2', '3'] },
      blocks: { '1': '1', '2': '2', '3': '3' },
      courses: { file: 'courses.csv', id: 'code', name: 'title', length: 'len', maxSize: 'max', sections: 'n', allowedBlocks: 'blocks' },
      staffing: { file: 'staff.csv', teacher: 'tid', course: 'course' },
      rooms: { file: 'rooms.csv', room: 'room', course: 'course', teacher: 'tid', type: 'general', capacity: 33 },
      requests: { file: 'requests.csv', student: 'sid', grade: 'year', course: 'code', priority: 'type' },
      lengths: { '1': 'one-term', '2': 'full-year' },
      grades: { Fr: 9, So: 10 },
      priorities: { must: 'required', may: 'requested' },
      unschedulableRequests: 'drop',
    };
    const mapping = parseSisMapping(v1, 'v1.json');
    expect(mapping.format).toBe('pathway-scheduler/sis-mapping@2');
    const { scenario, dropped } = importSis(dir, mapping);
    expect(scenario.courses.map((c) => [c.id, c.meets, c.sections, c.allowedPeriods ?? null, c.grades, c.capacity])).toEqual([
      ['BIO', { periods: 1, days: 'all', terms: 'all' }, 2, null, [9, 10], 30],
      ['ART', { periods: 1, days: 'all', terms: 'one' }, 1, ['2', '3'], [9], 25],
    ]);
    expect(scenario.teachers).toEqual([
      { id: 'T1', name: '', courses: ['BIO'], maxSections: 2, room: 'R1' },
      { id: 'T2', name: '', courses: ['ART'], maxSections: 1, room: 'R1' },
    ]);
    expect(scenario.rooms).toEqual([
      { id: 'R1', type: 'general', capacity: 33 },
      { id: 'R2', type: 'general', capacity: 33 },
    ]);
    expect(scenario.students).toEqual([
      { id: 'S1', grade: 9, requests: ['BIO', 'ART'], priorities: { BIO: 'required' } },
      { id: 'S2', grade: 10, requests: ['BIO'] },
    ]);
    expect(dropped).toEqual([{ file: 'requests.csv', row: 5, student: 'S2', course: 'OLD', priority: 'required', reason: 'no section offered' }]);
  });

  it('are validated with every problem named by its JSON path', () => {
    const err = problemsOf(() => parseSisMapping({ format: 'pathway-scheduler/sis-mapping@3' }, 'm.json'));
    expect(err.problems).toEqual([
      {
        path: 'format',
        message: 'unknown mapping format "pathway-scheduler/sis-mapping@3"',
        fix: 'use "pathway-scheduler/sis-mapping@2" (or "pathway-scheduler/sis-mapping@1" for a version 1 file)',
      },
    ]);
    const preset = JSON.parse(readFileSync(join(import.meta.dirname, '../../presets/synergy.json'), 'utf8')) as Record<string, unknown> & {
      requests: object;
      alternates: object;
    };
    const broken = {
      ...preset,
      students: undefined,
      alternates: { file: 'a.csv', student: 'S', course: 'C' },
      courses: { ...(preset['courses'] as object), id: 7 },
    };
    const errors = problemsOf(() => parseSisMapping(broken, 'synergy-copy.json')).problems.map((p) => `${p.path}: ${p.message}`);
    expect(errors).toContainEqual(expect.stringMatching(/^courses\.id: /));
    expect(errors).toContain('alternates: give either "forCourse" (a separate table) or "key" and "link" (a linked table)');
  });
});

/**
 * The tables of a scenario as CSV files or workbook sheets: one table per file or sheet, the
 * columns each must (or may) have, and what each column holds. The README documents these.
 */

/** A column of a table. */
export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
  readonly holds: string;
}

/** A table: its file stem (`courses` → `courses.csv`, sheet `courses`) and its columns. */
export interface TableSpec {
  readonly name: TableName;
  readonly required: boolean;
  readonly columns: readonly ColumnSpec[];
}

export const TABLE_NAMES = ['calendar', 'rooms', 'teachers', 'courses', 'pathways', 'students', 'requests', 'locks'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const req = (name: string, holds: string): ColumnSpec => ({ name, required: true, holds });
const opt = (name: string, holds: string): ColumnSpec => ({ name, required: false, holds });

export const TABLES: readonly TableSpec[] = [
  {
    name: 'calendar',
    required: true,
    columns: [
      req('setting', 'name, terms, days, periods (required); strategy, agRule, gradeRule, timeLimitSeconds, mipGap, seed, solver (optional)'),
      req('value', 'the school name; lists separated by ";" (terms `Y` or `F;S`, days `A;B` or `D`, periods `1;2;3;4`); policy values as in SCENARIO.md'),
    ],
  },
  {
    name: 'rooms',
    required: true,
    columns: [req('id', 'room id'), req('type', 'room type, e.g. general, science-lab'), req('capacity', 'seats, a whole number ≥ 1')],
  },
  {
    name: 'teachers',
    required: true,
    columns: [
      req('id', 'teacher id'),
      req('name', 'display name (may be empty)'),
      req('courses', 'course ids this teacher teaches, separated by ";"'),
      req('maxSections', 'sections at most, a whole number ≥ 0'),
      opt('unavailable', 'slots the teacher cannot teach, separated by ";" (e.g. A.4)'),
      opt('room', 'home room id'),
    ],
  },
  {
    name: 'courses',
    required: true,
    columns: [
      req('id', 'course id'),
      req('name', 'course title'),
      opt('ag', 'A–G subject a–g, or empty'),
      opt('cte', 'yes for a CTE course (empty = no)'),
      req('grades', 'grades that may take it, separated by ";" (e.g. 9;10)'),
      req('capacity', 'seats per section, a whole number ≥ 1'),
      req('roomType', 'room type its sections need'),
      req('periods', '1, or 2 for a double period'),
      req('days', 'one (meets one rotation day) or all (every day)'),
      req('terms', 'all (whole year) or one (one term)'),
      opt('sections', 'fixed section count (empty = derived from requests)'),
      opt('allowedPeriods', 'periods its sections may use, separated by ";" (empty = all)'),
      opt('minSize', 'a running section below this is reported under-filled'),
    ],
  },
  {
    name: 'pathways',
    required: true,
    columns: [
      req('id', 'pathway id'),
      req('name', 'pathway name'),
      req('sector', 'industry sector'),
      req('cohortSize', 'students per cohort, a whole number ≥ 1'),
      req('team', 'teacher ids sharing common planning time, separated by ";"'),
      opt('commonPlanning', 'common free slots for the team (empty = 1, 0 = none)'),
      opt('courses9', 'grade 9 cohort courses, separated by ";"'),
      opt('courses10', 'grade 10 cohort courses'),
      opt('courses11', 'grade 11 cohort courses'),
      opt('courses12', 'grade 12 cohort courses'),
    ],
  },
  {
    name: 'students',
    required: true,
    columns: [
      req('id', 'student id'),
      req('grade', 'grade 9–12'),
      opt('pathway', 'pathway id, or empty'),
      opt('groups', 'labels for equity reports, separated by ";" (e.g. EL;SED)'),
      opt('agCompleted', 'A–G years done before this year, e.g. b=1;c=1'),
    ],
  },
  {
    name: 'requests',
    required: true,
    columns: [
      req('student', 'student id'),
      req('course', 'course id'),
      opt('priority', 'required, requested (empty = requested) or recommended'),
      opt('alternates', 'acceptable substitute course ids, separated by ";"'),
    ],
  },
  {
    name: 'locks',
    required: false,
    columns: [req('course', 'course id'), req('slot', 'slot name, e.g. B.1')],
  },
];

/** The spec of a table by name. */
export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no table ${name}`);
  return spec;
}

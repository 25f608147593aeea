/**
 * From the scenario tables (CSV folder or workbook) to a validated scenario. Every bad cell,
 * missing column and broken reference is collected and thrown at once as one InputError whose
 * problems name file, row, column, value and the expected form.
 */
import { formatPath, problemsFromZod, type InputProblem } from '../scenario/problems.js';
import { parseScenario, scenarioProblems } from '../scenario/parse.js';
import { emptyRecord } from '../scenario/own-record.js';
import {
  AG_SUBJECTS,
  GRADE_RULES,
  PRIORITIES,
  SCENARIO_FORMAT,
  SOLVER_NAMES,
  STRATEGIES,
  scenarioSchema,
  type Priority,
  type Scenario,
  type ScenarioInput,
} from '../scenario/schema.js';
import { CellReader, splitList } from './cell-reader.js';
import { ImportProblems } from './import-problems.js';
import { tableSpec, TABLES, type TableName } from './table-columns.js';
import type { SourceTable } from './source-table.js';

/** The tables by name; `locks` may be absent. */
export type ScenarioTables = Partial<Record<TableName, SourceTable>>;

/** Where each entity of the built scenario came from, by JSON path prefix (`students[3]`). */
type Origins = Map<string, { table: string; row: number; column?: string }>;

/** Columns that identify a table's rows: without them no reference to the table can be checked. */
const KEY_COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  calendar: ['setting', 'value'],
  rooms: ['id'],
  teachers: ['id'],
  courses: ['id'],
  pathways: ['id'],
  students: ['id'],
  requests: ['student', 'course'],
  locks: ['course', 'slot'],
};

/** Missing and unknown columns, and rows with more values than the header has columns. */
function checkLayout(table: SourceTable, name: TableName, problems: ImportProblems): void {
  const spec = tableSpec(name);
  problems.requireColumns(
    table,
    spec.columns.filter((c) => c.required).map((c) => ({ name: c.name, holds: c.holds, key: KEY_COLUMNS[name].includes(c.name) })),
    name,
  );
  const known = new Set(spec.columns.map((c) => c.name));
  for (const h of table.header) {
    if (h !== '' && !known.has(h)) {
      problems.add({
        path: `${table.label}, row 1, column ${h}`,
        message: `unknown column "${h}"`,
        fix: `use only the columns ${spec.columns.map((c) => c.name).join(', ')}`,
      });
    }
  }
  for (const r of table.rows) {
    if (r.width !== undefined && r.width > table.header.length) {
      problems.add(
        {
          path: `${table.label}, row ${r.row}`,
          message: `the row has ${r.width} values but the header names ${table.header.length} columns`,
          fix: 'put a value holding a comma in double quotes ("Smith, J."), or remove the extra values',
        },
        table.label,
        r.row,
      );
    }
  }
}

/**
 * Builds a scenario from its tables.
 * @param source - names the whole import (folder or workbook) in the error.
 * @param problems - problems found while reading the tables (tables that could not be read are
 *   marked unusable under their name); every further problem is added.
 * @throws {@link InputError} listing every problem of every table: layout, cells, rows and
 *   references together (references only when every table could be read with its key columns).
 */
export function scenarioFromTables(tables: ScenarioTables, source: string, problems = new ImportProblems()): Scenario {
  for (const spec of TABLES) {
    const table = tables[spec.name];
    if (!table) {
      if (spec.required && problems.isUsable(spec.name)) {
        problems.add({
          path: spec.name,
          message: `missing table "${spec.name}"`,
          fix: `add ${spec.name}.csv (or a sheet "${spec.name}") with columns ${spec.columns.map((c) => c.name).join(', ')}`,
        });
        problems.markUnusable(spec.name);
      }
      continue;
    }
    checkLayout(table, spec.name, problems);
  }

  const origins: Origins = new Map();
  const rowsOf = (name: TableName) => {
    const table = tables[name];
    return table ? table.rows.map((r) => ({ table, source: r, cells: new CellReader(table, r, problems) })) : [];
  };
  const where = (table: SourceTable, row: number) => `${table.label}, row ${row}`;
  const origin = (table: SourceTable, row: number, column?: string) => ({ table: table.label, row, ...(column ? { column } : {}) });

  const settings = new Map<string, { value: string; read: CellReader; row: number }>();
  for (const { source: r, cells } of rowsOf('calendar')) settings.set(cells.raw('setting'), { value: cells.raw('value'), read: cells, row: r.row });
  const calendarTable = problems.isUsable('calendar') ? tables.calendar : undefined;
  const setting = (key: string, required: boolean) => {
    const s = settings.get(key);
    if (!s && required && calendarTable)
      problems.add({ path: `${calendarTable.label}, column setting`, message: `missing setting "${key}"`, fix: `add a row "${key}" with its value` });
    return s;
  };
  const listSetting = (key: string) => {
    const s = setting(key, true);
    const items = s ? splitList(s.value) : [];
    if (s && items.length === 0) s.read.text('value', `${key} separated by ";"`);
    return items;
  };
  const name = setting('name', true)?.value ?? '';
  const calendar = { terms: listSetting('terms'), days: listSetting('days'), periods: listSetting('periods') };
  const policy: Record<string, unknown> = {};
  const strategy = setting('strategy', false);
  if (strategy) policy['strategy'] = strategy.read.choice('value', STRATEGIES);
  const agRule = setting('agRule', false);
  if (agRule) policy['agRule'] = agRule.read.choice('value', ['on-track', 'off'] as const);
  const gradeRule = setting('gradeRule', false);
  if (gradeRule) policy['gradeRule'] = gradeRule.read.choice('value', GRADE_RULES);
  const solver = setting('solver', false);
  if (solver) policy['solver'] = solver.read.choice('value', SOLVER_NAMES);
  const limit = setting('timeLimitSeconds', false);
  if (limit) policy['timeLimitSeconds'] = limit.read.number('value', 0.001);
  const gap = setting('mipGap', false);
  if (gap) policy['mipGap'] = gap.read.number('value', 0);
  const seed = setting('seed', false);
  if (seed) policy['seed'] = seed.read.int('value', 0);
  const knownSettings = new Set(['name', 'terms', 'days', 'periods', 'strategy', 'agRule', 'gradeRule', 'solver', 'timeLimitSeconds', 'mipGap', 'seed']);
  for (const [key, s] of settings) {
    if (!knownSettings.has(key) && calendarTable)
      problems.add({
        path: `${where(calendarTable, s.row)}, column setting`,
        message: `unknown setting ${JSON.stringify(key)}`,
        fix: `expected one of ${[...knownSettings].join(', ')}`,
      });
  }

  const rooms = rowsOf('rooms').map(({ table, source: r, cells }, i) => {
    origins.set(`rooms[${i}]`, origin(table, r.row));
    return { id: cells.text('id') ?? '', type: cells.text('type') ?? '', capacity: cells.int('capacity', 1) ?? 1 };
  });

  const teachers = rowsOf('teachers').map(({ table, source: r, cells }, i) => {
    origins.set(`teachers[${i}]`, origin(table, r.row));
    const unavailable = cells.list('unavailable');
    const room = cells.raw('room');
    return {
      id: cells.text('id') ?? '',
      name: cells.raw('name'),
      courses: cells.list('courses'),
      // A bad count reads as 1, so that it does not also make the teacher's courses untaught.
      maxSections: cells.int('maxSections', 0) ?? 1,
      ...(unavailable.length > 0 ? { unavailable } : {}),
      ...(room ? { room } : {}),
    };
  });

  const courses = rowsOf('courses').map(({ table, source: r, cells }, i) => {
    origins.set(`courses[${i}]`, origin(table, r.row));
    const ag = cells.choice('ag', AG_SUBJECTS, true);
    const cte = cells.flag('cte');
    const sections = cells.int('sections', 0, Number.MAX_SAFE_INTEGER, true);
    const allowedPeriods = cells.list('allowedPeriods');
    const minSize = cells.int('minSize', 0, Number.MAX_SAFE_INTEGER, true);
    const periods = cells.int('periods', 1, 2);
    return {
      id: cells.text('id') ?? '',
      name: cells.raw('name'),
      ...(ag ? { ag } : {}),
      ...(cte ? { cte } : {}),
      grades: cells.intList('grades', 9, 12) ?? [9],
      capacity: cells.int('capacity', 1) ?? 1,
      roomType: cells.text('roomType') ?? '',
      meets: {
        periods: periods === 2 ? (2 as const) : (1 as const),
        days: cells.choice('days', ['one', 'all'] as const) ?? 'one',
        terms: cells.choice('terms', ['all', 'one'] as const) ?? 'all',
      },
      ...(sections !== undefined ? { sections } : {}),
      ...(allowedPeriods.length > 0 ? { allowedPeriods } : {}),
      ...(minSize !== undefined ? { minSize } : {}),
    };
  });

  const pathways = rowsOf('pathways').map(({ table, source: r, cells }, i) => {
    origins.set(`pathways[${i}]`, origin(table, r.row));
    const cohortCourses: Record<string, string[]> = {};
    for (const g of [9, 10, 11, 12]) {
      const list = cells.list(`courses${g}`);
      if (list.length > 0) cohortCourses[String(g)] = list;
    }
    const commonPlanning = cells.int('commonPlanning', 0, Number.MAX_SAFE_INTEGER, true);
    return {
      id: cells.text('id') ?? '',
      name: cells.raw('name'),
      sector: cells.raw('sector'),
      cohortSize: cells.int('cohortSize', 1) ?? 1,
      cohortCourses,
      team: cells.list('team'),
      ...(commonPlanning !== undefined ? { commonPlanning } : {}),
    };
  });

  const studentIndex = new Map<string, number>();
  const students = rowsOf('students').map(({ table, source: r, cells }, i) => {
    origins.set(`students[${i}]`, origin(table, r.row));
    const id = cells.text('id') ?? '';
    if (!studentIndex.has(id)) studentIndex.set(id, i);
    const pathway = cells.raw('pathway');
    const groups = cells.list('groups');
    const ag = cells.counts('agCompleted', AG_SUBJECTS);
    return {
      id,
      grade: cells.int('grade', 9, 12) ?? 9,
      ...(pathway ? { pathway } : {}),
      requests: [] as string[],
      alternates: emptyRecord<string[]>(),
      priorities: emptyRecord<Priority>(),
      ...(ag && Object.keys(ag).length > 0 ? { agCompleted: ag } : {}),
      ...(groups.length > 0 ? { groups } : {}),
    };
  });

  for (const { table, source: r, cells } of rowsOf('requests')) {
    const studentId = cells.text('student');
    const course = cells.text('course');
    const priority = cells.choice('priority', PRIORITIES, true);
    const alternates = cells.list('alternates');
    if (studentId === undefined || course === undefined) continue;
    const index = studentIndex.get(studentId);
    const student = index === undefined ? undefined : students[index];
    if (index === undefined || !student) {
      if (problems.isUsable('students'))
        problems.add(
          {
            path: `${where(table, r.row)}, column student`,
            message: `unknown student ${JSON.stringify(studentId)}`,
            fix: 'expected a student id listed in students',
          },
          table.label,
          r.row,
        );
      continue;
    }
    if (student.requests.includes(course)) {
      problems.add(
        {
          path: `${where(table, r.row)}, column course`,
          message: `student ${studentId} already requests ${JSON.stringify(course)}`,
          fix: 'expected each course once per student',
        },
        table.label,
        r.row,
      );
      continue;
    }
    // A problem with the request (or one of its alternates) names the column holding it.
    origins.set(`students[${index}].requests[${student.requests.length}]`, origin(table, r.row, 'course'));
    for (const [field, column] of [
      ['alternates', 'alternates'],
      ['priorities', 'priority'],
    ] as const) {
      origins.set(formatPath(['students', index, field, course]), origin(table, r.row, column));
      origins.set(`students[${index}].${field}["${course}"]`, origin(table, r.row, column));
    }
    student.requests.push(course);
    if (priority && priority !== 'requested') student.priorities[course] = priority;
    if (alternates.length > 0) student.alternates[course] = alternates;
  }
  const cleanStudents = students.map(({ alternates, priorities, ...s }) => ({
    ...s,
    ...(Object.keys(alternates).length > 0 ? { alternates } : {}),
    ...(Object.keys(priorities).length > 0 ? { priorities } : {}),
  }));

  const locks = rowsOf('locks').map(({ table, source: r, cells }, i) => {
    origins.set(`locks[${i}]`, origin(table, r.row));
    return { course: cells.text('course') ?? '', slot: cells.text('slot') ?? '' };
  });

  const input: ScenarioInput = {
    format: SCENARIO_FORMAT,
    name,
    calendar,
    rooms,
    teachers,
    courses,
    pathways,
    students: cleanStudents,
    locks,
    ...(Object.keys(policy).length > 0 ? { policy: policy } : {}),
  };
  // References are checked with the rest whenever every table could be read with its key
  // columns; a problem on a row that already has one of its own (a bad cell read as a stand-in
  // value) is left out.
  if (problems.allUsable) {
    const parsed = scenarioSchema.safeParse(input);
    const later = parsed.success ? scenarioProblems(parsed.data) : problemsFromZod(parsed.error);
    for (const p of later) {
      const at = locate(p, origins);
      if (!at || !problems.rowHasProblem(at.table, at.row))
        problems.add(at ? { ...p, path: `${at.table}, row ${at.row}${at.column ? `, column ${at.column}` : ''} (${p.path})` } : p);
    }
  }
  problems.throwIfAny(source);
  return parseScenario(input, source);
}

/** The table and row a JSON-path problem came from. */
function locate(problem: InputProblem, origins: Origins): { table: string; row: number; column?: string } | undefined {
  // The longest prefix of the path that ends where a path step ends.
  for (let end = problem.path.length; end > 0; end--) {
    if (end < problem.path.length && problem.path[end] !== '.' && problem.path[end] !== '[') continue;
    const at = origins.get(problem.path.slice(0, end));
    if (at) return at;
  }
  return undefined;
}

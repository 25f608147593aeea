/**
 * From the scenario tables (CSV folder or workbook) to a validated scenario. Every bad cell,
 * missing column and broken reference is collected and thrown at once as one InputError whose
 * problems name file, row, column, value and the expected form.
 */
import { InputError, type InputProblem } from '../scenario/problems.js';
import { parseScenario, zodProblems } from '../scenario/parse.js';
import { crossReferenceProblems } from '../scenario/references.js';
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
import { tableSpec, TABLES, type TableName } from './table-columns.js';
import type { SourceTable } from './source-table.js';

/** The tables by name; `locks` may be absent. */
export type ScenarioTables = Partial<Record<TableName, SourceTable>>;

/** Where each entity of the built scenario came from, by JSON path prefix (`students[3]`). */
type Origins = Map<string, string>;

function headerProblems(table: SourceTable, name: TableName): InputProblem[] {
  const spec = tableSpec(name);
  const problems: InputProblem[] = [];
  const known = new Set(spec.columns.map((c) => c.name));
  for (const c of spec.columns) {
    if (c.required && !table.header.includes(c.name)) {
      problems.push({ path: `${table.label}, row 1, column ${c.name}`, message: `missing column "${c.name}"`, fix: `add a column "${c.name}": ${c.holds}` });
    }
  }
  for (const h of table.header) {
    if (h !== '' && !known.has(h)) {
      problems.push({ path: `${table.label}, row 1, column ${h}`, message: `unknown column "${h}"`, fix: `use only the columns ${spec.columns.map((c) => c.name).join(', ')}` });
    }
  }
  return problems;
}

/**
 * Builds a scenario from its tables.
 * @param source - names the whole import (folder or workbook) in the error.
 * @throws {@link InputError} listing every problem of every table.
 */
export function scenarioFromTables(tables: ScenarioTables, source: string): Scenario {
  const problems: InputProblem[] = [];
  for (const spec of TABLES) {
    const table = tables[spec.name];
    if (!table) {
      if (spec.required) problems.push({ path: `${spec.name}`, message: `missing table "${spec.name}"`, fix: `add ${spec.name}.csv (or a sheet "${spec.name}") with columns ${spec.columns.map((c) => c.name).join(', ')}` });
      continue;
    }
    problems.push(...headerProblems(table, spec.name));
  }
  if (problems.length > 0) throw new InputError(source, problems);

  const origins: Origins = new Map();
  const rowsOf = (name: TableName) => {
    const table = tables[name];
    return table ? table.rows.map((r) => ({ table, source: r, cells: new CellReader(table, r, problems) })) : [];
  };
  const where = (table: SourceTable, row: number) => `${table.label}, row ${row}`;

  const settings = new Map<string, { value: string; read: CellReader; row: number }>();
  for (const { source: r, cells } of rowsOf('calendar')) settings.set(cells.raw('setting'), { value: cells.raw('value'), read: cells, row: r.row });
  const calendarTable = tables.calendar;
  const setting = (key: string, required: boolean) => {
    const s = settings.get(key);
    if (!s && required && calendarTable) problems.push({ path: `${calendarTable.label}, column setting`, message: `missing setting "${key}"`, fix: `add a row "${key}" with its value` });
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
    if (!knownSettings.has(key) && calendarTable) problems.push({ path: `${where(calendarTable, s.row)}, column setting`, message: `unknown setting ${JSON.stringify(key)}`, fix: `expected one of ${[...knownSettings].join(', ')}` });
  }

  const rooms = rowsOf('rooms').map(({ table, source: r, cells }, i) => {
    origins.set(`rooms[${i}]`, where(table, r.row));
    return { id: cells.text('id') ?? '', type: cells.text('type') ?? '', capacity: cells.int('capacity', 1) ?? 1 };
  });

  const teachers = rowsOf('teachers').map(({ table, source: r, cells }, i) => {
    origins.set(`teachers[${i}]`, where(table, r.row));
    const unavailable = cells.list('unavailable');
    const room = cells.raw('room');
    return {
      id: cells.text('id') ?? '',
      name: cells.raw('name'),
      courses: cells.list('courses'),
      maxSections: cells.int('maxSections', 0) ?? 0,
      ...(unavailable.length > 0 ? { unavailable } : {}),
      ...(room ? { room } : {}),
    };
  });

  const courses = rowsOf('courses').map(({ table, source: r, cells }, i) => {
    origins.set(`courses[${i}]`, where(table, r.row));
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
      meets: { periods: periods === 2 ? (2 as const) : (1 as const), days: cells.choice('days', ['one', 'all'] as const) ?? 'one', terms: cells.choice('terms', ['all', 'one'] as const) ?? 'all' },
      ...(sections !== undefined ? { sections } : {}),
      ...(allowedPeriods.length > 0 ? { allowedPeriods } : {}),
      ...(minSize !== undefined ? { minSize } : {}),
    };
  });

  const pathways = rowsOf('pathways').map(({ table, source: r, cells }, i) => {
    origins.set(`pathways[${i}]`, where(table, r.row));
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
    origins.set(`students[${i}]`, where(table, r.row));
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
      alternates: {} as Record<string, string[]>,
      priorities: {} as Record<string, Priority>,
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
      problems.push({ path: `${where(table, r.row)}, column student`, message: `unknown student ${JSON.stringify(studentId)}`, fix: 'expected a student id listed in students' });
      continue;
    }
    if (student.requests.includes(course)) {
      problems.push({ path: `${where(table, r.row)}, column course`, message: `student ${studentId} already requests ${JSON.stringify(course)}`, fix: 'expected each course once per student' });
      continue;
    }
    // A problem with the request (or one of its alternates) names the column holding it.
    origins.set(`students[${index}].requests[${student.requests.length}]`, `${where(table, r.row)}, column course`);
    origins.set(`students[${index}].alternates.${course}`, where(table, r.row));
    origins.set(`students[${index}].alternates[${JSON.stringify(course)}]`, `${where(table, r.row)}, column alternates`);
    origins.set(`students[${index}].priorities.${course}`, where(table, r.row));
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
    origins.set(`locks[${i}]`, where(table, r.row));
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
    ...(Object.keys(policy).length > 0 ? { policy: policy as ScenarioInput['policy'] } : {}),
  };
  // Reference problems only make sense once every cell could be read.
  if (problems.length === 0) {
    const parsed = scenarioSchema.safeParse(input);
    const later = parsed.success ? crossReferenceProblems(parsed.data) : zodProblems(parsed.error);
    problems.push(...later.map((p) => locate(p, origins)));
  }
  if (problems.length > 0) throw new InputError(source, problems);
  return parseScenario(input, source);
}

/** Rewrites a JSON-path problem to name the row it came from, keeping the JSON path for context. */
function locate(problem: InputProblem, origins: Origins): InputProblem {
  let best = '';
  for (const prefix of origins.keys()) {
    if ((problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`)) && prefix.length > best.length) best = prefix;
  }
  const origin = origins.get(best);
  return origin ? { ...problem, path: `${origin} (${problem.path})` } : problem;
}

/**
 * The reverse of the table import: a scenario as the tables of {@link TABLES}, so a school can
 * start from a bundled fixture in Excel or CSV and import it back unchanged.
 */
import type { Scenario } from '../scenario/schema.js';
import { LIST_SEPARATOR } from './cell-reader.js';
import { TABLES, type TableName } from './table-columns.js';

const join = (items: readonly (string | number)[] | undefined) => (items ?? []).join(LIST_SEPARATOR);

/** Each table as rows of cells, header first; `locks` only when the scenario has locks. */
export function scenarioToTables(s: Scenario): Partial<Record<TableName, string[][]>> {
  const header = (name: TableName) => (TABLES.find((t) => t.name === name)?.columns ?? []).map((c) => c.name);
  const p = s.policy;
  const out: Partial<Record<TableName, string[][]>> = {
    calendar: [
      header('calendar'),
      ['name', s.name],
      ['terms', join(s.calendar.terms)],
      ['days', join(s.calendar.days)],
      ['periods', join(s.calendar.periods)],
      ['strategy', p.strategy],
      ['agRule', p.agRule],
      ['gradeRule', p.gradeRule],
      ['timeLimitSeconds', String(p.timeLimitSeconds)],
      ['mipGap', String(p.mipGap)],
      ['seed', String(p.seed)],
      ['solver', p.solver],
    ],
    rooms: [header('rooms'), ...s.rooms.map((r) => [r.id, r.type, String(r.capacity)])],
    teachers: [header('teachers'), ...s.teachers.map((t) => [t.id, t.name, join(t.courses), String(t.maxSections), join(t.unavailable), t.room ?? ''])],
    courses: [
      header('courses'),
      ...s.courses.map((c) => [
        c.id,
        c.name,
        c.ag ?? '',
        c.cte ? 'yes' : '',
        join(c.grades),
        String(c.capacity),
        c.roomType,
        String(c.meets.periods),
        c.meets.days,
        c.meets.terms,
        c.sections === undefined ? '' : String(c.sections),
        join(c.allowedPeriods),
        c.minSize === undefined ? '' : String(c.minSize),
      ]),
    ],
    pathways: [
      header('pathways'),
      ...s.pathways.map((w) => [
        w.id,
        w.name,
        w.sector,
        String(w.cohortSize),
        join(w.team),
        String(w.commonPlanning),
        ...['9', '10', '11', '12'].map((g) => join(w.cohortCourses[g])),
      ]),
    ],
    students: [
      header('students'),
      ...s.students.map((st) => [
        st.id,
        String(st.grade),
        st.pathway ?? '',
        join(st.groups),
        Object.entries(st.agCompleted ?? {})
          .flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]))
          .join(LIST_SEPARATOR),
      ]),
    ],
    requests: [
      header('requests'),
      ...s.students.flatMap((st) => st.requests.map((c) => [st.id, c, st.priorities?.[c] ?? 'requested', join(st.alternates?.[c])])),
    ],
  };
  if (s.locks.length > 0) out.locks = [header('locks'), ...s.locks.map((l) => [l.course, l.slot])];
  return out;
}

/**
 * Importing an SIS-style export (course list, staffing, rooms, requests as CSV files) through a
 * column mapping. Every bad row of every file is reported at once; requests that cannot be
 * scheduled at all may be dropped by the mapping and are then returned, so that figures can
 * still be given against every request of the export.
 */
import { join } from 'node:path';
import { InputError, type InputProblem } from '../scenario/problems.js';
import { parseScenario } from '../scenario/parse.js';
import { SCENARIO_FORMAT, type Course, type Priority, type Scenario, type ScenarioInput, type Teacher } from '../scenario/schema.js';
import { readCsvFile } from './read-csv.js';
import { CellReader, splitList } from './cell-reader.js';
import { cellProblem, type SourceTable } from './source-table.js';
import type { SisMapping } from './sis-mapping.js';

/** A request of the export that the scenario does not hold, and why. */
export interface DroppedRequest {
  readonly file: string;
  readonly row: number;
  readonly student: string;
  readonly course: string;
  readonly priority: Priority;
  readonly reason: string;
}

/** What an SIS import produced. */
export interface SisImport {
  readonly scenario: Scenario;
  /** Requests left out by `unschedulableRequests: "drop"`, each with its row. */
  readonly dropped: readonly DroppedRequest[];
  /** Request rows read, kept or dropped. */
  readonly requestRows: number;
  /** Things the scenario cannot express, said once each (e.g. target section sizes). */
  readonly notes: readonly string[];
}

function missingColumns(table: SourceTable, columns: readonly (string | undefined)[]): InputProblem[] {
  return columns
    .filter((c): c is string => c !== undefined && !table.header.includes(c))
    .map((c) => ({ path: `${table.label}, row 1, column ${c}`, message: `missing column "${c}"`, fix: `add the column or correct the mapping (columns present: ${table.header.join(', ')})` }));
}

const lookupCaseless = <T>(map: Readonly<Record<string, T>>, key: string): T | undefined => {
  const k = Object.keys(map).find((x) => x.trim().toLowerCase() === key.trim().toLowerCase());
  return k === undefined ? undefined : map[k];
};

/**
 * Imports the export in `folder` as described by `mapping`.
 * @throws {@link InputError} with file, row, column, value and expected form for each bad row.
 */
export function importSis(folder: string, mapping: SisMapping): SisImport {
  const m = mapping;
  const read = (f: string) => readCsvFile(join(folder, f), f);
  const coursesT = read(m.courses.file);
  const staffT = read(m.staffing.file);
  const roomsT = read(m.rooms.file);
  const requestsT = read(m.requests.file);
  const problems: InputProblem[] = [
    ...missingColumns(coursesT, [m.courses.id, m.courses.name, m.courses.length, m.courses.allowedBlocks, m.courses.minSize, m.courses.targetSize, m.courses.maxSize, m.courses.sections]),
    ...missingColumns(staffT, [m.staffing.teacher, m.staffing.course, m.staffing.teacherName]),
    ...missingColumns(roomsT, [m.rooms.room, m.rooms.course, m.rooms.teacher]),
    ...missingColumns(requestsT, [m.requests.student, m.requests.grade, m.requests.course, m.requests.priority]),
  ];
  if (problems.length > 0) throw new InputError(folder, problems);
  const notes: string[] = [];
  // Integer-like keys ("3") come first in a JS object: list blocks in bell order instead.
  const bell = (b: string) => m.calendar.periods.indexOf(m.blocks[b] ?? '');
  const blockNames = Object.keys(m.blocks).sort((a, b) => bell(a) - bell(b));

  // Courses.
  interface Listed {
    course: Omit<Course, 'grades' | 'roomType'>;
    sections: number;
  }
  const listed = new Map<string, Listed>();
  let targets = 0;
  for (const r of coursesT.rows) {
    const c = new CellReader(coursesT, r, problems);
    const id = c.text(m.courses.id, 'a course code');
    const lengthRaw = c.raw(m.courses.length);
    const length = lookupCaseless(m.lengths, lengthRaw);
    if (length === undefined) problems.push(cellProblem(coursesT.label, r.row, m.courses.length, lengthRaw, `one of ${Object.keys(m.lengths).join(', ')}`));
    const maxSize = c.int(m.courses.maxSize, 1);
    const minSize = m.courses.minSize ? c.int(m.courses.minSize, 0, Number.MAX_SAFE_INTEGER, true) : undefined;
    if (m.courses.targetSize && c.int(m.courses.targetSize, 0, Number.MAX_SAFE_INTEGER, true) !== undefined) targets++;
    const sections = c.int(m.courses.sections, 0);
    let allowedPeriods: string[] | undefined;
    if (m.courses.allowedBlocks) {
      const blocks = splitList(c.raw(m.courses.allowedBlocks), m.listSeparator);
      const unknown = blocks.filter((b) => !(b in m.blocks));
      if (unknown.length > 0) problems.push(cellProblem(coursesT.label, r.row, m.courses.allowedBlocks, c.raw(m.courses.allowedBlocks), `blocks from ${blockNames.join(', ')} separated by "${m.listSeparator}"`));
      const periods = [...new Set(blocks.flatMap((b) => m.blocks[b] ?? []))];
      if (periods.length > 0 && periods.length < m.calendar.periods.length) allowedPeriods = m.calendar.periods.filter((p) => periods.includes(p));
    }
    if (id === undefined || length === undefined || maxSize === undefined || sections === undefined) continue;
    if (listed.has(id)) {
      problems.push(cellProblem(coursesT.label, r.row, m.courses.id, id, 'each course code once'));
      continue;
    }
    listed.set(id, {
      sections,
      course: {
        id,
        name: c.raw(m.courses.name) || id,
        capacity: maxSize,
        meets: { periods: 1, days: 'all', terms: length === 'full-year' ? 'all' : 'one' },
        sections,
        ...(allowedPeriods ? { allowedPeriods } : {}),
        ...(minSize !== undefined ? { minSize } : {}),
      },
    });
  }
  if (targets > 0) notes.push(`target section sizes (${targets} courses) are read but not used: scenario v1 has capacity (the maximum) and minSize only`);

  // Staffing: teachers teach the courses of their section rows, as many sections as rows.
  const staffing = new Map<string, { name: string; courses: string[]; rows: number }>();
  for (const r of staffT.rows) {
    const c = new CellReader(staffT, r, problems);
    const teacher = c.text(m.staffing.teacher, 'a teacher id');
    const course = c.text(m.staffing.course, 'a course code');
    if (teacher === undefined || course === undefined) continue;
    if (!listed.has(course)) {
      problems.push(cellProblem(staffT.label, r.row, m.staffing.course, course, `a course code of ${coursesT.label}`));
      continue;
    }
    const t = staffing.get(teacher) ?? { name: m.staffing.teacherName ? c.raw(m.staffing.teacherName) : '', courses: [], rows: 0 };
    if (!t.courses.includes(course)) t.courses.push(course);
    t.rows++;
    staffing.set(teacher, t);
  }
  const staffed = new Set([...staffing.values()].flatMap((t) => t.courses));

  // Rooms: every room named, and each teacher's most used room as home room.
  const roomIds: string[] = [];
  const teacherRooms = new Map<string, Map<string, number>>();
  for (const r of roomsT.rows) {
    const c = new CellReader(roomsT, r, problems);
    const room = c.raw(m.rooms.room);
    const course = c.raw(m.rooms.course);
    // Rows for courses outside the course list (or with no room) describe nothing to schedule.
    if (room === '' || !listed.has(course)) continue;
    if (!roomIds.includes(room)) roomIds.push(room);
    const teacher = m.rooms.teacher ? c.raw(m.rooms.teacher) : '';
    if (teacher) {
      const counts = teacherRooms.get(teacher) ?? new Map<string, number>();
      counts.set(room, (counts.get(room) ?? 0) + 1);
      teacherRooms.set(teacher, counts);
    }
  }

  // Requests.
  const students = new Map<string, { grade: number; requests: string[]; priorities: Record<string, Priority>; row: number }>();
  const dropped: DroppedRequest[] = [];
  const courseGrades = new Map<string, Set<number>>();
  for (const r of requestsT.rows) {
    const c = new CellReader(requestsT, r, problems);
    const student = c.text(m.requests.student, 'a student id');
    const gradeRaw = c.raw(m.requests.grade);
    const grade = lookupCaseless(m.grades, gradeRaw);
    if (grade === undefined) problems.push(cellProblem(requestsT.label, r.row, m.requests.grade, gradeRaw, `one of ${Object.keys(m.grades).join(', ')}`));
    const priorityRaw = c.raw(m.requests.priority);
    const priority = lookupCaseless(m.priorities, priorityRaw);
    if (priority === undefined) problems.push(cellProblem(requestsT.label, r.row, m.requests.priority, priorityRaw, `one of ${Object.keys(m.priorities).join(', ')}`));
    const course = c.raw(m.requests.course);
    if (student === undefined || grade === undefined || priority === undefined) continue;
    const info = listed.get(course);
    const reason = !info ? (course === '' ? 'no course code' : 'course not in the course list') : info.sections === 0 ? 'no section offered' : !staffed.has(course) ? 'no teacher staffed' : undefined;
    if (reason) {
      if (m.unschedulableRequests === 'drop') dropped.push({ file: requestsT.label, row: r.row, student, course, priority, reason });
      else problems.push(cellProblem(requestsT.label, r.row, m.requests.course, course, `a course code of ${coursesT.label} with sections and a teacher (${reason})`));
      continue;
    }
    const s = students.get(student) ?? { grade, requests: [], priorities: {}, row: r.row };
    if (s.grade !== grade) {
      problems.push(cellProblem(requestsT.label, r.row, m.requests.grade, gradeRaw, `the same grade as row ${s.row} for student ${student}`));
      continue;
    }
    if (s.requests.includes(course)) {
      problems.push(cellProblem(requestsT.label, r.row, m.requests.course, course, `each course once per student (student ${student})`));
      continue;
    }
    s.requests.push(course);
    if (priority !== 'requested') s.priorities[course] = priority;
    students.set(student, s);
    const grades = courseGrades.get(course) ?? new Set<number>();
    grades.add(grade);
    courseGrades.set(course, grades);
  }
  if (problems.length > 0) throw new InputError(folder, problems);

  const type = m.rooms.type;
  const courses: Course[] = [...listed.values()]
    .filter((l) => l.sections > 0 && staffed.has(l.course.id))
    .map((l) => ({ ...l.course, grades: [...(courseGrades.get(l.course.id) ?? new Set([9, 10, 11, 12]))].sort((a, b) => a - b), roomType: type }));
  const unscheduled = [...listed.values()].filter((l) => l.sections === 0 || !staffed.has(l.course.id)).map((l) => l.course.id);
  if (unscheduled.length > 0) notes.push(`courses left out (no section offered or no teacher staffed): ${unscheduled.join(', ')}`);
  const kept = new Set(courses.map((c) => c.id));
  const teachers: Teacher[] = [...staffing.entries()].map(([id, t]) => {
    const rooms = [...(teacherRooms.get(id) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const home = rooms[0]?.[0];
    return { id, name: t.name, courses: t.courses.filter((c) => kept.has(c)), maxSections: t.rows, ...(home ? { room: home } : {}) };
  });
  const input: ScenarioInput = {
    format: SCENARIO_FORMAT,
    name: m.name,
    calendar: m.calendar,
    rooms: roomIds.map((id) => ({ id, type, capacity: m.rooms.capacity })),
    teachers,
    courses,
    pathways: [],
    students: [...students.entries()].map(([id, s]) => ({
      id,
      grade: s.grade,
      requests: s.requests,
      ...(Object.keys(s.priorities).length > 0 ? { priorities: s.priorities } : {}),
    })),
    ...(m.policy ? { policy: m.policy as ScenarioInput['policy'] } : {}),
  };
  return { scenario: parseScenario(input, folder), dropped, requestRows: requestsT.rows.length, notes };
}

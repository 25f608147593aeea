/**
 * Students and their course requests in an SIS import: the grade (on the request row, or joined
 * from a students file by student id), the priority (the request's, else the course's load
 * priority, else the default), and the alternates in each of their shapes: extra columns of the
 * request row, flagged request rows, a separate table, or a table linked through a link file.
 * A request no schedule can meet (course missing, no section, no teacher, or outside the
 * student's grades under the strict grade rule) is an error or, with
 * `unschedulableRequests: "drop"`, listed and left out.
 */
import type { Priority } from '../scenario/schema.js';
import { CellReader } from './cell-reader.js';
import { badCell, readGrade, readPriority, type RowRef, type SisContext } from './sis-context.js';
import type { Catalogue } from './sis-courses.js';
import type { SisTable } from './sis-files.js';
import { lookupValue } from './sis-values.js';
import { cellProblem } from './source-table.js';

/** A request of the export that the scenario does not hold, and why. */
export interface DroppedRequest {
  readonly file: string;
  readonly row: number;
  readonly student: string;
  readonly course: string;
  readonly priority: Priority;
  readonly reason: string;
}

/** An alternate of the export that the scenario does not hold, and why. */
export interface DroppedAlternate {
  readonly file: string;
  readonly row: number;
  readonly student: string;
  /** The requested course it substitutes for. */
  readonly course: string;
  readonly alternate: string;
  readonly reason: string;
}

/** A student of the import with the requests kept. */
export interface ImportedStudent {
  readonly id: string;
  readonly grade: number;
  readonly origin: string;
  readonly requests: string[];
  readonly priorities: Record<string, Priority>;
  readonly alternates: Record<string, string[]>;
  team: string;
  groups: string[];
}

export interface Requests {
  readonly students: ImportedStudent[];
  readonly dropped: DroppedRequest[];
  readonly droppedAlternates: DroppedAlternate[];
  /** Request rows read (alternate rows not counted), kept or dropped. */
  readonly requestRows: number;
}

export interface RequestTables {
  readonly students?: SisTable | undefined;
  readonly requests: SisTable;
  readonly alternates?: SisTable | undefined;
  readonly link?: SisTable | undefined;
}

/** An alternate waiting for its request to be known. */
interface PendingAlternate {
  readonly student: string;
  readonly forCourse: string;
  readonly course: string;
  readonly order: number;
  readonly ref: RowRef;
  readonly column: string;
}

const rowRef = (ctx: SisContext, table: SisTable, row: SisTable['rows'][number]): RowRef => ({ table, row, cells: new CellReader(table, row, ctx.problems) });
const gradeRange = (grades: readonly number[]) => (grades.length === 1 ? `${grades[0]!}` : `${grades[0]!}–${grades[grades.length - 1]!}`);

/**
 * Reads students, requests and alternates.
 * @param staffed - courses some teacher may teach.
 */
export function readRequests(ctx: SisContext, catalogue: Catalogue, staffed: ReadonlySet<string>, tables: RequestTables): Requests {
  const m = ctx.mapping;
  const rm = m.requests;
  const strict = (m.policy?.gradeRule ?? 'strict') === 'strict';
  const drop = m.unschedulableRequests === 'drop';
  const coursesLabel = m.courses.file;

  /** Why no schedule can meet a request of this grade for this course, if none can. */
  const unschedulable = (course: string, grade: number): string | undefined => {
    const info = catalogue.courses.get(course);
    if (!info) return course === '' ? 'no course code' : 'course not in the course list';
    if (info.sections === 0) return 'no section offered';
    if (!staffed.has(course)) return 'no teacher staffed';
    if (strict && info.grades && !info.grades.includes(grade)) return "outside the course's grades";
    return undefined;
  };
  const expectedFor = (course: string, reason: string) => {
    const grades = catalogue.courses.get(course)?.grades;
    return reason === "outside the course's grades" && grades
      ? `a course offered to the student's grade (${course} takes grade${grades.length === 1 ? '' : 's'} ${gradeRange(grades)}; set policy.gradeRule to "allow" in the mapping to admit such requests)`
      : `a course code of ${coursesLabel} with sections and a teacher (${reason})`;
  };

  // The students file, read lazily: only students with request rows are checked.
  interface Listed {
    readonly ref: RowRef;
    grade: number | undefined | null;
  }
  const listed = new Map<string, Listed>();
  const sm = m.students;
  if (tables.students && sm) {
    for (const row of tables.students.rows) {
      const ref = rowRef(ctx, tables.students, row);
      const id = ref.cells.text(sm.id, 'a student id');
      if (id === undefined) continue;
      if (listed.has(id)) {
        ctx.problems.push(cellProblem(tables.students.label, row.row, sm.id, id, 'each student id once'));
        continue;
      }
      listed.set(id, { ref, grade: null });
    }
  }
  const studentGrade = (s: Listed): number | undefined => {
    if (s.grade === null) s.grade = sm ? readGrade(ctx, s.ref, sm.grade) : undefined;
    return s.grade;
  };

  const students = new Map<string, ImportedStudent>();
  const dropped: DroppedRequest[] = [];
  const droppedAlternates: DroppedAlternate[] = [];
  const droppedKeys = new Set<string>();
  const keyed = new Map<string, string>();
  const pending: PendingAlternate[] = [];
  const lastPrimary = new Map<string, string>();
  const gradeRow = new Map<string, number>();
  let requestRows = 0;
  const table = tables.requests;
  const flag = rm.alternateFlag;
  const flagValues = new Set((flag?.values ?? []).map((v) => v.trim().toLowerCase()));

  for (const row of table.rows) {
    const ref = rowRef(ctx, table, row);
    const c = ref.cells;
    if (flag && flagValues.has(c.raw(flag.column).toLowerCase())) {
      const student = c.text(rm.student, 'a student id');
      const course = c.text(rm.course, 'an alternate course code');
      if (student === undefined || course === undefined) continue;
      const forCourse = flag.forCourse !== undefined ? c.raw(flag.forCourse) : lastPrimary.get(student);
      if (forCourse === undefined || forCourse === '') {
        badCell(
          ctx,
          ref,
          flag.forCourse ?? flag.column,
          `an alternate row after a request row of student ${student} (the alternate substitutes for the request before it)`,
        );
        continue;
      }
      pending.push({ student, forCourse, course, order: pending.length, ref, column: rm.course });
      continue;
    }
    requestRows++;
    const student = c.text(rm.student, 'a student id');
    const course = c.raw(rm.course);
    let grade: number | undefined;
    if (sm) {
      if (student === undefined) continue;
      const s = listed.get(student);
      if (!s) {
        badCell(ctx, ref, rm.student, `a student id of ${tables.students?.label ?? sm.file}`);
        continue;
      }
      grade = studentGrade(s);
    } else if (rm.grade !== undefined) grade = readGrade(ctx, ref, rm.grade);
    const own = rm.priority !== undefined ? readPriority(ctx, ref, rm.priority) : undefined;
    const ownBad = rm.priority !== undefined && c.raw(rm.priority) !== '' && own === undefined;
    const priority = own ?? catalogue.courses.get(course)?.priority ?? m.defaults.priority;
    const key = rm.key !== undefined ? c.raw(rm.key) : '';
    if (student === undefined || grade === undefined || ownBad) continue;
    if (key !== '') keyed.set(`${student}\u0000${key}`, course);
    lastPrimary.set(student, course);
    rm.alternates?.forEach((col, i) => {
      const alt = c.raw(col);
      if (alt !== '') pending.push({ student, forCourse: course, course: alt, order: i, ref, column: col });
    });
    const reason = unschedulable(course, grade);
    if (reason) {
      droppedKeys.add(`${student}\u0000${course}`);
      if (drop) dropped.push({ file: table.label, row: row.row, student, course, priority, reason });
      else ctx.problems.push(cellProblem(table.label, row.row, rm.course, course, expectedFor(course, reason)));
      continue;
    }
    let s = students.get(student);
    if (!s) {
      s = { id: student, grade, origin: `${table.label}, row ${row.row}`, requests: [], priorities: {}, alternates: {}, team: '', groups: [] };
      students.set(student, s);
      gradeRow.set(student, row.row);
    }
    if (s.grade !== grade) {
      ctx.problems.push(
        cellProblem(
          table.label,
          row.row,
          rm.grade ?? rm.student,
          rm.grade !== undefined ? c.raw(rm.grade) : student,
          `the same grade as row ${gradeRow.get(student) ?? ''} for student ${student}`,
        ),
      );
      continue;
    }
    if (s.requests.includes(course)) {
      ctx.problems.push(cellProblem(table.label, row.row, rm.course, course, `each course once per student (student ${student})`));
      continue;
    }
    s.requests.push(course);
    if (priority !== 'requested') s.priorities[course] = priority;
  }

  readAlternateTables(ctx, tables, keyed, pending);

  // Alternates, in their order, each checked like a request.
  const ordered = pending
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.student.localeCompare(b.p.student) || a.p.forCourse.localeCompare(b.p.forCourse) || a.p.order - b.p.order || a.i - b.i);
  const addAlternate = (s: ImportedStudent, forCourse: string, alt: string, origin: { file: string; row: number; ref?: RowRef; column?: string }) => {
    const list = s.alternates[forCourse] ?? [];
    if (alt === forCourse || list.includes(alt)) return;
    const reason = unschedulable(alt, s.grade);
    if (reason) {
      if (drop || !origin.ref || !origin.column)
        droppedAlternates.push({ file: origin.file, row: origin.row, student: s.id, course: forCourse, alternate: alt, reason });
      else badCell(ctx, origin.ref, origin.column, expectedFor(alt, reason));
      return;
    }
    s.alternates[forCourse] = [...list, alt];
  };
  for (const { p } of ordered) {
    const s = students.get(p.student);
    if (!s || !s.requests.includes(p.forCourse)) {
      if (droppedKeys.has(`${p.student}\u0000${p.forCourse}`)) continue;
      badCell(ctx, p.ref, p.column, `an alternate for a course student ${p.student} requests (no request for ${JSON.stringify(p.forCourse)})`);
      continue;
    }
    addAlternate(s, p.forCourse, p.course, { file: p.ref.table.label, row: p.ref.row.row, ref: p.ref, column: p.column });
  }
  // Course-wide substitutes come after the student's own.
  for (const s of students.values()) {
    for (const course of s.requests) {
      const info = catalogue.courses.get(course);
      for (const alt of info?.alternates ?? []) addAlternate(s, course, alt, { file: info?.row.table.label ?? coursesLabel, row: info?.row.row.row ?? 0 });
    }
  }

  // Students in the students file's order (else the request file's), with their team and groups.
  let out = [...students.values()];
  if (tables.students && sm) {
    const index = new Map([...listed.keys()].map((id, i) => [id, i]));
    out = out.sort((a, b) => (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0));
    const withoutRequests = [...listed.keys()].filter((id) => !students.has(id) && !dropped.some((d) => d.student === id)).length;
    if (withoutRequests > 0) ctx.notes.push(`${withoutRequests} students of ${tables.students.label} have no request rows and are left out`);
    for (const s of out) {
      const ref = listed.get(s.id)?.ref;
      if (!ref) continue;
      if (sm.team !== undefined && !tables.students.absent.has(sm.team)) s.team = ref.cells.raw(sm.team);
      for (const g of sm.groups ?? []) {
        if (tables.students.absent.has(g.column)) continue;
        const raw = ref.cells.raw(g.column);
        const label = g.labels ? lookupValue(g.labels, raw) : raw;
        if (label !== undefined && label !== '' && !s.groups.includes(label)) s.groups.push(label);
      }
    }
  }
  return { students: out, dropped, droppedAlternates, requestRows };
}

/** Alternates of a separate table, or of a table linked to the request rows by keys. */
function readAlternateTables(ctx: SisContext, tables: RequestTables, keyed: ReadonlyMap<string, string>, pending: PendingAlternate[]): void {
  const am = ctx.mapping.alternates;
  const table = tables.alternates;
  if (!am || !table) return;
  const order = (ref: RowRef): number => {
    if (am.order === undefined || ref.cells.raw(am.order) === '') return Number.MAX_SAFE_INTEGER;
    return ref.cells.number(am.order, Number.MIN_SAFE_INTEGER) ?? Number.MAX_SAFE_INTEGER;
  };
  if (am.forCourse !== undefined) {
    for (const row of table.rows) {
      const ref = rowRef(ctx, table, row);
      const student = ref.cells.text(am.student, 'a student id');
      const forCourse = ref.cells.text(am.forCourse, 'the requested course code');
      const course = ref.cells.text(am.course, 'an alternate course code');
      if (student === undefined || forCourse === undefined || course === undefined) continue;
      pending.push({ student, forCourse, course, order: order(ref), ref, column: am.course });
    }
    return;
  }
  const link = tables.link;
  if (!link || !am.link || am.key === undefined) return;
  const alternatesByKey = new Map<string, { course: string; order: number; ref: RowRef }>();
  for (const row of table.rows) {
    const ref = rowRef(ctx, table, row);
    const student = ref.cells.text(am.student, 'a student id');
    const key = ref.cells.text(am.key, 'the alternate row key');
    const course = ref.cells.text(am.course, 'an alternate course code');
    if (student === undefined || key === undefined || course === undefined) continue;
    alternatesByKey.set(`${student}\u0000${key}`, { course, order: order(ref), ref });
  }
  const lm = am.link;
  for (const row of link.rows) {
    const ref = rowRef(ctx, link, row);
    const student = ref.cells.text(lm.student, 'a student id');
    const request = ref.cells.text(lm.request, 'a request key');
    const alternate = ref.cells.text(lm.alternate, 'an alternate key');
    if (student === undefined || request === undefined || alternate === undefined) continue;
    const forCourse = keyed.get(`${student}\u0000${request}`);
    const alt = alternatesByKey.get(`${student}\u0000${alternate}`);
    if (forCourse === undefined)
      badCell(ctx, ref, lm.request, `the key of a request row of student ${student} (${ctx.mapping.requests.key ?? 'key'} in ${tables.requests.label})`);
    if (!alt) badCell(ctx, ref, lm.alternate, `the key of an alternate row of student ${student} (${am.key} in ${table.label})`);
    if (forCourse === undefined || !alt) continue;
    pending.push({ student, forCourse, course: alt.course, order: alt.order, ref: alt.ref, column: am.course });
  }
}

/**
 * The course catalogue of an SIS import: the course rows (capacity, length, grades, A–G, CTE,
 * room type, load priority, global substitutes) and the section rows (counted per course,
 * grouped by section number, with their teachers, room, time, term, team and lock flag), and
 * from both each course's `meets`, its locks and allowed periods.
 */
import { AG_SUBJECTS, type AgSubject, type Lock, type Meets, type Priority } from '../scenario/schema.js';
import { CellReader } from './cell-reader.js';
import { badCell, listCell, readGrade, readPriority, type RowRef, type SisContext } from './sis-context.js';
import type { SisTable } from './sis-files.js';
import { joinMeetings, lockSlot, placementShape, type Meeting, type Placement } from './sis-slots.js';
import { isYes, keysText, lookupValue } from './sis-values.js';
import { cellProblem } from './source-table.js';

/** A course of the course file, read. */
export interface ListedCourse {
  readonly id: string;
  readonly name: string;
  readonly row: RowRef;
  capacity: number;
  readonly minSize: number | undefined;
  /** Sections offered (the count column, or the course's section rows). */
  sections: number;
  meets: Meets;
  /** The `meets` fields the course's own columns give (its sections must agree). */
  readonly fixed: Partial<Meets>;
  readonly grades: number[] | undefined;
  readonly ag: AgSubject | undefined;
  readonly cte: boolean;
  readonly roomType: string;
  readonly priority: Priority | undefined;
  readonly alternates: readonly string[];
  allowedPeriods: string[] | undefined;
}

/** One section: its rows (one or several with the same section number) merged. */
export interface SectionGroup {
  readonly course: string;
  readonly first: RowRef;
  readonly teachers: string[];
  readonly teacherNames: Map<string, string>;
  room: string;
  readonly meetings: Meeting[];
  terms: string[] | undefined;
  team: string;
  readonly grades: Set<number>;
  maxSize: number | undefined;
  locked: boolean;
  placement: Placement | undefined;
}

export interface Catalogue {
  readonly courses: Map<string, ListedCourse>;
  readonly sections: readonly SectionGroup[];
  readonly locks: Lock[];
}

type Shape = Partial<Meets>;

function readCourseShape(ctx: SisContext, ref: RowRef): Shape {
  const m = ctx.mapping.courses;
  const shape: { periods?: 1 | 2; terms?: Meets['terms'] } = {};
  if (m.length !== undefined) {
    const raw = ref.cells.raw(m.length);
    const named = ctx.mapping.values.lengths ? lookupValue(ctx.mapping.values.lengths, raw) : undefined;
    const n = Number(raw);
    const termCount = ctx.calendar.terms.length;
    if (named !== undefined) shape.terms = named === 'full-year' ? 'all' : 'one';
    else if (raw !== '' && Number.isInteger(n) && n === termCount) shape.terms = 'all';
    else if (raw !== '' && n === 1) shape.terms = 'one';
    else {
      const listed = ctx.mapping.values.lengths ? `${keysText(ctx.mapping.values.lengths)}, or ` : '';
      badCell(
        ctx,
        ref,
        m.length,
        `${listed}a number of terms: 1 or ${termCount} (the calendar has ${termCount} term${termCount === 1 ? '' : 's'}; other lengths cannot be expressed)`,
      );
    }
  }
  if (m.periodsPerMeeting !== undefined) {
    const p = ref.cells.int(m.periodsPerMeeting, 1, 2, true);
    if (p !== undefined) shape.periods = p === 2 ? 2 : 1;
  }
  return shape;
}

/** Grades from a list column or a low/high pair; `optional` lets empty cells through as undefined. */
function readGrades(
  ctx: SisContext,
  ref: RowRef,
  low: string | undefined,
  high: string | undefined,
  list: string | undefined,
  optional = false,
): number[] | undefined {
  if (optional && [low, high, list].every((c) => c === undefined || ref.cells.raw(c) === '')) return undefined;
  if (list !== undefined) {
    const items = listCell(ctx, ref, list);
    const dict = ctx.mapping.values.grades;
    const grades = items.map((g) => (dict ? lookupValue(dict, g) : Number(g.replace(/^0+(?=\d)/, ''))));
    if (items.length === 0 || grades.some((g) => g === undefined || !Number.isInteger(g) || g < 9 || g > 12)) {
      badCell(ctx, ref, list, `grades 9–12 separated by "${ctx.mapping.listSeparator}"`);
      return;
    }
    return [...new Set(grades as number[])].sort((a, b) => a - b);
  }
  if (low === undefined || high === undefined) return undefined;
  const lo = readGrade(ctx, ref, low);
  const hi = high === low ? lo : readGrade(ctx, ref, high);
  if (lo === undefined || hi === undefined) return undefined;
  if (hi < lo) {
    badCell(ctx, ref, high, `a grade at or above ${lo} (the low grade)`);
    return;
  }
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function readAg(ctx: SisContext, ref: RowRef, column: string): AgSubject | undefined {
  const raw = ref.cells.raw(column);
  const dict = ctx.mapping.values.ag;
  if (dict) {
    if (raw === '') return undefined;
    const v = lookupValue(dict, raw);
    if (v === undefined) {
      badCell(ctx, ref, column, `${keysText(dict)}, or empty`);
      return;
    }
    return v === 'none' ? undefined : v;
  }
  if (raw === '') return undefined;
  const v = AG_SUBJECTS.find((s) => s === raw.toLowerCase());
  if (v === undefined) badCell(ctx, ref, column, 'an A–G subject letter a–g, or empty');
  return v;
}

function readCourses(ctx: SisContext, table: SisTable): Map<string, ListedCourse> {
  const m = ctx.mapping.courses;
  const listed = new Map<string, ListedCourse>();
  const periodsLabel = ctx.codes.periodHint;
  for (const row of table.rows) {
    const ref: RowRef = { table, row, cells: new CellReader(table, row, ctx.problems) };
    const c = ref.cells;
    const id = c.text(m.id, 'a course code');
    const shape = readCourseShape(ctx, ref);
    const capacity = m.capacity !== undefined ? c.int(m.capacity, 1) : 0;
    const minSize = m.minSize !== undefined ? c.int(m.minSize, 0, Number.MAX_SAFE_INTEGER, true) : undefined;
    if (m.targetSize !== undefined) c.int(m.targetSize, 0, Number.MAX_SAFE_INTEGER, true);
    const sections = m.sections !== undefined ? c.int(m.sections, 0) : 0;
    let allowedPeriods: string[] | undefined;
    if (m.allowedPeriods !== undefined) {
      const codes = listCell(ctx, ref, m.allowedPeriods);
      const periods = codes.map((p) => ctx.codes.period(p));
      if (periods.some((p) => p === undefined)) badCell(ctx, ref, m.allowedPeriods, `periods from ${periodsLabel} separated by "${ctx.mapping.listSeparator}"`);
      const set = new Set(periods.filter((p): p is string => p !== undefined));
      if (set.size > 0 && set.size < ctx.calendar.periods.length) allowedPeriods = ctx.calendar.periods.filter((p) => set.has(p));
    }
    const grades = readGrades(ctx, ref, m.gradeLow, m.gradeHigh, m.grades);
    const ag = m.ag !== undefined ? readAg(ctx, ref, m.ag) : undefined;
    const cte = m.cte !== undefined && isYes(c.raw(m.cte), ctx.mapping.values.cte);
    const typeRaw = m.roomType !== undefined ? c.raw(m.roomType) : '';
    const roomType =
      typeRaw === ''
        ? ctx.mapping.defaults.roomType
        : ((ctx.mapping.values.roomTypes ? lookupValue(ctx.mapping.values.roomTypes, typeRaw) : undefined) ?? typeRaw);
    const priority = m.priority !== undefined ? readPriority(ctx, ref, m.priority) : undefined;
    const alternates = (m.alternates ?? []).map((col) => c.raw(col)).filter((a) => a !== '');
    if (id === undefined || capacity === undefined || sections === undefined) continue;
    if (listed.has(id)) {
      ctx.problems.push(cellProblem(table.label, row.row, m.id, id, 'each course code once'));
      continue;
    }
    const d = ctx.mapping.defaults.meets;
    listed.set(id, {
      id,
      name: m.name !== undefined ? c.raw(m.name) || id : id,
      row: ref,
      capacity,
      minSize,
      sections,
      // Filled in by resolveMeets once the sections are read; the column values go first.
      meets: {
        periods: shape.periods ?? d.periods ?? 1,
        days: d.days ?? (ctx.calendar.days.length === 1 ? 'all' : 'one'),
        terms: shape.terms ?? d.terms ?? 'all',
      },
      fixed: shape,
      grades,
      ag,
      cte,
      roomType,
      priority,
      alternates,
      allowedPeriods,
    });
  }
  return listed;
}

function readSections(ctx: SisContext, table: SisTable, courses: ReadonlyMap<string, ListedCourse>, coursesLabel: string): SectionGroup[] {
  const m = ctx.mapping.sections;
  if (!m) return [];
  const groups = new Map<string, SectionGroup>();
  const order: SectionGroup[] = [];
  for (const row of table.rows) {
    const ref: RowRef = { table, row, cells: new CellReader(table, row, ctx.problems) };
    const c = ref.cells;
    const course = c.text(m.course, 'a course code');
    if (course === undefined) continue;
    if (!courses.has(course)) {
      ctx.problems.push(cellProblem(table.label, row.row, m.course, course, `a course code of ${coursesLabel}`));
      continue;
    }
    const number = m.id !== undefined ? c.raw(m.id) : '';
    const key = m.id !== undefined && number !== '' ? `${course}\u0000${number}` : `${course}\u0000#${row.row}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        course,
        first: ref,
        teachers: [],
        teacherNames: new Map(),
        room: '',
        meetings: [],
        terms: undefined,
        team: '',
        grades: new Set(),
        maxSize: undefined,
        locked: false,
        placement: undefined,
      };
      groups.set(key, group);
      order.push(group);
    }
    m.teachers.forEach((col, i) => {
      const t = c.raw(col);
      if (t === '') return;
      if (!group.teachers.includes(t)) group.teachers.push(t);
      const nameCol = m.teacherNames?.[i];
      const name = nameCol !== undefined ? c.raw(nameCol) : '';
      if (name !== '' && !group.teacherNames.has(t)) group.teacherNames.set(t, name);
    });
    if (m.room !== undefined && group.room === '') group.room = c.raw(m.room);
    if (m.slot !== undefined) {
      const slot = m.slot;
      const read =
        'expression' in slot
          ? ctx.codes.expression(c.raw(slot.expression))
          : ctx.codes.periodCells(c.raw(slot.period), slot.block && c.raw(slot.block), slot.end && c.raw(slot.end), slot.day && c.raw(slot.day));
      if (read.ok) group.meetings.push(...read.value);
      else badCell(ctx, ref, 'expression' in slot ? slot.expression : slot.period, read.expected);
    }
    if (m.term !== undefined && c.raw(m.term) !== '') {
      const terms = ctx.codes.terms(c.raw(m.term));
      if (terms) group.terms = [...new Set([...(group.terms ?? []), ...terms])];
      else badCell(ctx, ref, m.term, `a term code: ${ctx.codes.termHint}${ctx.mapping.values.terms ? '' : ' (or map codes in values.terms)'}`);
    }
    for (const g of readGrades(ctx, ref, m.gradeLow, m.gradeHigh, undefined, true) ?? []) group.grades.add(g);
    if (m.team !== undefined && !table.absent.has(m.team) && group.team === '') group.team = c.raw(m.team);
    if (m.maxSize !== undefined) {
      const size = c.int(m.maxSize, 1, Number.MAX_SAFE_INTEGER, true);
      if (size !== undefined) group.maxSize = Math.max(group.maxSize ?? 0, size);
    }
    if (m.locked !== undefined && isYes(c.raw(m.locked), ctx.mapping.values.locked)) group.locked = true;
  }
  return order;
}

/** Capacities from section sizes: the largest outside teams, else the largest team section. */
function sectionCapacities(ctx: SisContext, courses: ReadonlyMap<string, ListedCourse>, sections: readonly SectionGroup[]): void {
  const regular = new Map<string, number>();
  const team = new Map<string, number>();
  for (const s of sections) {
    if (s.maxSize === undefined) continue;
    const into = s.team === '' ? regular : team;
    into.set(s.course, Math.max(into.get(s.course) ?? 0, s.maxSize));
  }
  for (const c of courses.values()) {
    const size = regular.get(c.id) ?? team.get(c.id);
    if (size !== undefined) c.capacity = size;
    else if (c.sections > 0)
      ctx.problems.push({
        path: `${c.row.table.label}, row ${c.row.row.row}`,
        message: `no capacity for course ${JSON.stringify(c.id)}`,
        fix: `give its sections a max size (${ctx.mapping.sections?.maxSize ?? 'maxSize'}), or map "courses.capacity"`,
      });
    else c.capacity = 1;
  }
}

/** Column name of the slot (for problems about a section's time). */
function slotColumn(ctx: SisContext): string {
  const slot = ctx.mapping.sections?.slot;
  if (!slot) return ctx.mapping.sections?.term ?? ctx.mapping.sections?.course ?? '';
  return 'expression' in slot ? slot.expression : slot.period;
}

/** Each course's meets from its columns, then its placed sections, then the defaults; the locks and allowed periods the placements give. */
function resolveTimes(ctx: SisContext, courses: Map<string, ListedCourse>, sections: readonly SectionGroup[]): Lock[] {
  const m = ctx.mapping.sections;
  const locks: Lock[] = [];
  const fromSection = new Map<string, Shape>();
  const used = new Map<string, Set<string>>();
  let termOnly = 0;
  for (const s of sections) {
    const course = courses.get(s.course);
    if (!course) continue;
    const joined = joinMeetings(ctx.calendar, s.meetings, s.terms);
    if (joined && !joined.ok) {
      badCell(ctx, s.first, slotColumn(ctx), joined.expected);
      continue;
    }
    s.placement = joined?.value;
    let shape: Shape | undefined;
    if (s.placement) {
      const read = placementShape(ctx.calendar, s.placement);
      if (!read.ok) {
        badCell(ctx, s.first, slotColumn(ctx), read.expected);
        continue;
      }
      shape = read.value;
    } else if (s.terms) {
      shape = s.terms.length === ctx.calendar.terms.length ? { terms: 'all' } : s.terms.length === 1 ? { terms: 'one' } : undefined;
      if (!shape) {
        badCell(ctx, s.first, m?.term ?? '', 'one term or the whole year');
        continue;
      }
    }
    if (!shape) continue;
    const fixed = course.fixed;
    const first = fromSection.get(course.id);
    for (const key of ['periods', 'days', 'terms'] as const) {
      const want = fixed[key] ?? first?.[key];
      const got = shape[key];
      if (want !== undefined && got !== undefined && want !== got) {
        const source = fixed[key] !== undefined ? `the course's ${key === 'terms' ? 'length' : 'periods per meeting'}` : "the course's other sections";
        badCell(
          ctx,
          s.first,
          key === 'terms' && m?.term !== undefined && !s.placement ? m.term : slotColumn(ctx),
          `a time matching ${source} (${key}: ${want})`,
        );
      }
    }
    fromSection.set(course.id, { ...shape, ...first });
    if (s.placement) {
      const set = used.get(course.id) ?? new Set<string>();
      for (const p of s.placement.periods) set.add(p);
      used.set(course.id, set);
      const lock = m?.locked !== undefined ? s.locked : m?.placement === 'lock';
      if (lock) locks.push({ course: course.id, slot: lockSlot(ctx.calendar, s.placement) });
    } else if (s.terms && (m?.locked !== undefined ? s.locked : m?.placement === 'lock')) termOnly++;
  }
  for (const course of courses.values()) {
    const fixed = course.fixed;
    const sec = fromSection.get(course.id) ?? {};
    course.meets = {
      periods: fixed.periods ?? sec.periods ?? course.meets.periods,
      days: sec.days ?? course.meets.days,
      terms: fixed.terms ?? sec.terms ?? course.meets.terms,
    };
    const periods = used.get(course.id);
    if (m?.placement === 'allowed-periods' && periods) {
      const allowed = ctx.calendar.periods.filter((p) => periods.has(p) && (course.allowedPeriods ?? ctx.calendar.periods).includes(p));
      course.allowedPeriods = allowed.length < ctx.calendar.periods.length ? allowed : undefined;
    }
  }
  if (termOnly > 0) ctx.notes.push(`${termOnly} locked sections name a term but no period: a lock needs a slot, so the engine chooses their term and period`);
  return locks;
}

/**
 * Reads the course and section files.
 * @returns every listed course (also those without sections, which the import leaves out), the
 * section groups, and the locks.
 */
export function readCatalogue(ctx: SisContext, coursesTable: SisTable, sectionsTable: SisTable | undefined): Catalogue {
  const courses = readCourses(ctx, coursesTable);
  const sections = sectionsTable ? readSections(ctx, sectionsTable, courses, coursesTable.label) : [];
  if (ctx.mapping.courses.sections === undefined) {
    for (const c of courses.values()) c.sections = 0;
    for (const s of sections) {
      const c = courses.get(s.course);
      if (c) c.sections++;
    }
  }
  if (ctx.mapping.courses.capacity === undefined) sectionCapacities(ctx, courses, sections);
  const locks = resolveTimes(ctx, courses, sections);
  return { courses, sections, locks };
}

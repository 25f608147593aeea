/**
 * The placement relaxation of a set of pathway grades: an integer program whose optimum is at
 * least the pathway students of those grades that any valid schedule places.
 *
 * Take any valid schedule and keep only the placed members of these grades, the sections they
 * sit in and the locked sections. What is left is still valid: fewer sections free teachers (load, prep, common planning
 * time), slots and rooms; students outside these grades only took seats, and none of their
 * requests is a hard rule. The program below holds every such remnant, so its optimum bounds the
 * schedule's placement of these grades:
 * - a regular section of any course a member may take, by any credentialed teacher in any
 *   placement the teacher is available for: no planned count (SCENARIO.md sets none);
 * - each cohort (⌈members / cohort size⌉ per pathway grade) one section of each cohort course,
 *   never overlapping, holding at most the cohort seats ({@link PathwayGrade.cohortSeats});
 * - teachers one section a slot, at most `maxSections`, a free slot in every term (prep), and the
 *   common planning time of every pathway team; rooms of a type per slot;
 * - placed members counted per group and cohort, every non-cohort request met once in a section
 *   of a course it accepts, never two sections of one course, no two sections in one slot or in a
 *   slot of their cohort, seats per section, and the A–G years they still need.
 * Group counts only add up the members' timetables, which is a relaxation too. Locked sections
 * stay in the remnant, so the locks are kept.
 */
import { coursePatterns, allSlots, type Pattern } from '../calendar/slots.js';
import { ModelBuilder, type Expr } from '../model/builder.js';
import type { MipModel } from '../../solver/mip.js';
import type { Scenario } from '../scenario/schema.js';
import { sectionSeats, type PathwayGrade } from './members.js';
import { getKnown, getOrInsert } from '../map-entry.js';

/** The program and the columns that count placed members, per pathway grade. */
export interface Relaxation {
  readonly model: MipModel;
  /** Pathway grade key → columns of its placed members (every cohort, every group). */
  readonly placed: ReadonlyMap<string, Expr>;
  /** Some pathway team cannot have its common planning time even with nothing taught: no valid schedule exists. */
  readonly noSchedule: boolean;
}

interface Cover {
  readonly teacher: Map<string, Map<string, Expr>>;
  readonly room: Map<string, Map<string, Expr>>;
}

const push = <K>(map: Map<K, Expr>, key: K, col: number, coef = 1) => {
  const e = map.get(key);
  if (e) e.push([col, coef]);
  else map.set(key, [[col, coef]]);
};

/** Builds the relaxation of the given pathway grades (see the module comment). */
export function buildRelaxation(scenario: Scenario, grades: readonly PathwayGrade[]): Relaxation {
  const m = new ModelBuilder();
  const slots = allSlots(scenario.calendar);
  const courses = new Map(scenario.courses.map((c) => [c.id, c]));
  const patternsOf = new Map<string, Pattern[]>();
  const patterns = (c: string) => getOrInsert(patternsOf, c, () => coursePatterns(scenario.calendar, getKnown(courses, c, 'course')));
  const available = new Map(scenario.teachers.map((t) => [t.id, new Set(slots.map((s) => s.name).filter((s) => !(t.unavailable ?? []).includes(s)))]));
  const qualified = (c: string) => scenario.teachers.filter((t) => t.maxSections > 0 && t.courses.includes(c));
  const free = (t: string, p: Pattern) => p.slots.every((s) => getKnown(available, t, 'availability of teacher').has(s));
  const cover: Cover = { teacher: new Map(), room: new Map() };
  const occupy = (col: number, course: string, teacher: string, p: Pattern) => {
    const type = getKnown(courses, course, 'course').roomType;
    for (const s of p.slots) {
      push(
        getOrInsert(meeting, course, () => new Map()),
        s,
        col,
      );
      push(
        getOrInsert(cover.teacher, teacher, () => new Map()),
        s,
        col,
      );
      push(
        getOrInsert(cover.room, type, () => new Map()),
        s,
        col,
      );
    }
  };

  // Regular sections: every course a member's request accepts, and every locked course.
  const regular = new Set(grades.flatMap((g) => g.groups.flatMap((x) => (x.unplaceable ? [] : x.lines.flatMap((l) => l.choices)))));
  for (const l of scenario.locks) if (courses.has(l.course)) regular.add(l.course);
  /** course → slot → section columns (regular and cohort) meeting there, for the locks. */
  const meeting = new Map<string, Map<string, Expr>>();
  /** course → placement key → its section columns. */
  const sections = new Map<string, Map<string, Expr>>();
  for (const c of [...regular].sort()) {
    const byPattern = new Map<string, Expr>();
    for (const t of qualified(c)) {
      for (const p of patterns(c)) {
        if (!free(t.id, p)) continue;
        const col = m.column(`sec[${c},${t.id},${p.key}]`, 'binary', 0, 1);
        push(byPattern, p.key, col);
        occupy(col, c, t.id, p);
      }
    }
    sections.set(c, byPattern);
  }

  /** Takes of each regular course and placement, with that placement's section columns. */
  const seatRows = new Map<string, { course: string; secs: Expr; takes: Expr }>();
  const placed = new Map<string, Expr>();
  for (const g of grades) {
    /** Group index → its member columns, one per cohort. */
    const memOf = new Map<number, Expr>();
    const labels = g.cohorts === 0 ? [`${g.key}-none`] : Array.from({ length: g.cohorts }, (_, i) => `${g.key}-${i + 1}`);
    const size = g.cohorts === 0 ? g.members : g.cohortSeats;
    const out: Expr = [];
    placed.set(g.key, out);
    let previous: Expr | null = null;
    for (const label of labels) {
      // The cohort's sections, and per slot the columns that keep it busy there.
      const busy = new Map<string, Expr>();
      const ofCourse = new Map<string, Expr>();
      if (g.cohorts > 0) {
        for (const c of g.cohortCourses) {
          const expr: Expr = [];
          for (const t of courses.has(c) ? qualified(c) : []) {
            for (const p of patterns(c)) {
              if (!free(t.id, p)) continue;
              const col = m.column(`coh[${label},${c},${t.id},${p.key}]`, 'binary', 0, 1);
              expr.push([col, 1]);
              occupy(col, c, t.id, p);
              for (const s of p.slots) push(busy, s, col);
            }
          }
          ofCourse.set(c, expr);
          m.row(`cohortSection[${label},${c}]`, expr, 0, 1);
        }
        for (const [s, expr] of busy) if (expr.length > 1) m.row(`cohortClash[${label},${s}]`, expr, 0, 1);
      }
      const members: Expr = [];
      for (const [gi, group] of g.groups.entries()) {
        if (group.unplaceable) continue;
        const u = Math.min(group.students.length, size);
        if (u <= 0) continue;
        const tag = `${label},g${gi}`;
        const mem = m.column(`mem[${tag}]`, u === 1 ? 'binary' : 'integer', 0, u);
        members.push([mem, 1]);
        out.push([mem, 1]);
        push(memOf, gi, mem);
        for (const expr of ofCourse.values()) m.row(`cohortNeeds[${tag}]`, [[mem, 1], ...expr.map(([c]) => [c, -u] as const)], -Infinity, 0);
        const atSlot = new Map<string, Expr>();
        const byCourse = new Map<string, { lines: Set<number>; expr: Expr }>();
        const bySubject = new Map<string, Expr>();
        group.lines.forEach((line, ri) => {
          const met: Expr = [];
          for (const c of line.choices) {
            const ag = getKnown(courses, c, 'course').ag;
            for (const [key, secs] of sections.get(c) ?? []) {
              const p = patterns(c).find((x) => x.key === key);
              if (!p) throw new Error(`section placement ${key} is not a placement of ${c}`);
              const col = m.column(`take[${tag},${line.course},${c},${key}]`, u === 1 ? 'binary' : 'integer', 0, u);
              met.push([col, 1]);
              for (const s of p.slots) push(atSlot, s, col);
              const entry = getOrInsert(byCourse, c, () => ({ lines: new Set<number>(), expr: [] }));
              entry.lines.add(ri);
              entry.expr.push([col, 1]);
              if (ag) push(bySubject, ag, col);
              // A take needs a section there, and the section's seats hold every take.
              m.row(`takeNeedsSection[${tag},${line.course},${c},${key}]`, [[col, 1], ...secs.map(([sc]) => [sc, -u] as const)], -Infinity, 0);
              const seat = getOrInsert(seatRows, `${c}|${key}`, () => ({ course: c, secs, takes: [] }));
              seat.takes.push([col, 1]);
            }
          }
          m.row(`requestMet[${tag},${line.course}]`, [...met, [mem, -1]], 0, 0);
        });
        for (const [c, entry] of byCourse) if (entry.lines.size > 1) m.row(`courseOnce[${tag},${c}]`, [...entry.expr, [mem, -1]], -Infinity, 0);
        for (const [s, expr] of atSlot) {
          if (expr.length > 1) m.row(`studentClash[${tag},${s}]`, [...expr, [mem, -1]], -Infinity, 0);
          const b = busy.get(s);
          if (b) m.row(`cohortFree[${tag},${s}]`, [...expr, ...b.map(([c]) => [c, u] as const)], -Infinity, u);
        }
        for (const [k, need] of group.agNeed) m.row(`agOnTrack[${tag},${k}]`, [...(bySubject.get(k) ?? []), [mem, -need]], 0, Infinity);
      }
      if (g.cohorts > 0) {
        for (const [c, expr] of ofCourse) m.row(`cohortSeats[${label},${c}]`, [...members, ...expr.map(([col]) => [col, -size] as const)], -Infinity, 0);
        // Cohorts of a pathway grade are interchangeable: fill them in order.
        if (previous) m.row(`cohortOrder[${label}]`, [...previous, ...members.map(([c]) => [c, -1] as const)], 0, Infinity);
      }
      previous = members;
    }
    // A member is in one cohort.
    for (const [gi, cols] of memOf) if (cols.length > 1) m.row(`memberOnce[${g.key},g${gi}]`, cols, 0, g.groups[gi]!.students.length);
  }

  for (const [key, { course, secs, takes }] of seatRows) {
    const seats = sectionSeats(scenario, getKnown(courses, course, 'course'));
    m.row(`seats[${key}]`, [...takes, ...secs.map(([sc]) => [sc, -seats] as const)], -Infinity, 0);
  }

  // A locked slot holds as many sections of the course as it has locks (they stay in any remnant of a schedule).
  const locks = new Map<string, { course: string; slot: string; count: number }>();
  for (const l of scenario.locks) {
    const key = `${l.course},${l.slot}`;
    locks.set(key, { course: l.course, slot: l.slot, count: (locks.get(key)?.count ?? 0) + 1 });
  }
  for (const [key, l] of locks) m.row(`lock[${key}]`, meeting.get(l.course)?.get(l.slot) ?? [], l.count, Infinity);

  const noSchedule = teacherRows(m, scenario, cover, available, slots);
  for (const [type, bySlot] of cover.room) {
    const rooms = scenario.rooms.filter((r) => r.type === type).length;
    for (const [s, expr] of bySlot) if (expr.length > rooms) m.row(`roomType[${type},${s}]`, expr, 0, rooms);
  }
  return { model: m.build('max', [...placed.values()].flat()), placed, noSchedule };
}

/**
 * A teacher teaches one section a slot, at most `maxSections`, keeps a free slot in every term,
 * and every pathway team keeps its common planning slots. Returns whether some team cannot have
 * them at all (teacher unavailability alone breaks the rule).
 */
function teacherRows(
  m: ModelBuilder,
  scenario: Scenario,
  cover: Cover,
  available: ReadonlyMap<string, ReadonlySet<string>>,
  slots: ReturnType<typeof allSlots>,
): boolean {
  for (const [teacher, bySlot] of cover.teacher) {
    for (const [s, expr] of bySlot) if (expr.length > 1) m.row(`teacherClash[${teacher},${s}]`, expr, 0, 1);
    const load = new Map<number, number>();
    for (const expr of bySlot.values()) for (const [c] of expr) load.set(c, 1);
    const max = scenario.teachers.find((t) => t.id === teacher)?.maxSections;
    if (max === undefined) throw new Error(`teacher ${teacher} covers sections but is not in the scenario`);
    if (load.size > max) m.row(`teacherLoad[${teacher}]`, [...load], 0, max);
    for (const term of scenario.calendar.terms) {
      const open = slots.filter((s) => s.term === term && getKnown(available, teacher, 'availability of teacher').has(s.name));
      if (open.length > 0)
        m.row(
          `prep[${teacher},${term}]`,
          open.flatMap((s) => bySlot.get(s.name) ?? []),
          0,
          open.length - 1,
        );
    }
  }
  let noSchedule = false;
  for (const p of scenario.pathways) {
    if (p.commonPlanning <= 0 || p.team.length === 0) continue;
    const candidates = slots.filter((s) => p.team.every((t) => available.get(t)?.has(s.name)));
    if (candidates.length < p.commonPlanning) noSchedule = true;
    const involved = p.team.filter((t) => cover.teacher.has(t));
    if (involved.length === 0) continue;
    const cpt: Expr = [];
    for (const s of candidates) {
      const col = m.column(`cpt[${p.id},${s.name}]`, 'binary', 0, 1);
      cpt.push([col, 1]);
      for (const t of involved) {
        const expr = getKnown(cover.teacher, t, 'cover of teacher').get(s.name) ?? [];
        if (expr.length > 0) m.row(`cptFree[${p.id},${t},${s.name}]`, [...expr, [col, 1]], 0, 1);
      }
    }
    m.row(`cptSlots[${p.id}]`, cpt, p.commonPlanning, Infinity);
  }
  return noSchedule;
}

/**
 * The board both brute-force oracles build section by section (brute-force.ts for pathway
 * placement, brute-force-tiers.ts for the strict tiers), written from SCENARIO.md alone and
 * sharing no code with the engine or its checker:
 *
 * - A section (course, placement, cohort or not) opens only while some assignment of teachers
 *   (credentials, availability, clashes, `maxSections`, prep in every term taught, common planning
 *   time) and of rooms (type, clashes, seats for those enrolled) exists for every open section.
 *   Teachers and rooms are not branched on: each time a section opens or a seat is taken a small
 *   exhaustive search (memoised) answers whether one exists.
 * - A student joins a section within the course's capacity and the rooms' seats, never two
 *   sections sharing a slot, and never two sections of one course (SCENARIO.md "Enrollment").
 * - A pathway grade forms at most ⌈members / cohortSize⌉ cohorts, each of up to `cohortSize`
 *   members, and unopened cohorts are interchangeable.
 * - Locks: every board first holds, for each locked course and slot, that many sections meeting
 *   there, regular or cohort ({@link OracleBoard.lockBoards}).
 * - `regularLimit` (optional) caps a course's regular sections: the oracle then answers within
 *   that section plan.
 */
import type { AgSubject, Scenario, Student } from '../../src/scenario/schema.js';
import type { Section } from '../../src/solution/schema.js';
import { getKnown } from '../../src/map-entry.js';
import { present } from './present.js';
import { placementsOf, slotsOf, termOf } from './school-time.js';

/** The oracle stopped at its node limit: the school is too large for it. */
export class OracleGaveUp extends Error {}

export interface Sec {
  readonly course: string;
  readonly slots: readonly string[];
  readonly cohort: string | null;
  readonly students: string[];
}

/** A schedule as the solution format has it: sections with teachers and rooms, each student's sections. */
export interface Witness {
  sections: Section[];
  enrollments: Record<string, string[]>;
}

/** Cumulative A–G years by the end of grades 9–12 (SCENARIO.md "Pathways, cohorts, A–G"). */
export const AG_MIN: Record<AgSubject, readonly number[]> = {
  a: [0, 1, 2, 2],
  b: [1, 2, 3, 4],
  c: [1, 2, 3, 3],
  d: [0, 1, 2, 2],
  e: [0, 1, 2, 2],
  f: [0, 0, 1, 1],
  g: [0, 0, 0, 1],
};
export const SUBJECTS = Object.keys(AG_MIN) as AgSubject[];
/** The minimum of subject `k` by the end of the student's grade. */
export const agNeed = (k: AgSubject, grade: number) => AG_MIN[k][Math.min(3, Math.max(0, grade - 9))] ?? 0;

export const overlap = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export type OracleBoard = ReturnType<typeof oracleBoard>;

/** A board to open sections on and seat students in; see the file header. Throws {@link OracleGaveUp} past `maxNodes`. */
export function oracleBoard(s: Scenario, maxNodes: number, regularLimit?: (course: string) => number) {
  const cal = s.calendar;
  const allSlots = slotsOf(cal);
  const course = new Map(s.courses.map((c) => [c.id, c]));
  const placements = new Map(s.courses.map((c) => [c.id, placementsOf(cal, c)]));
  const off = new Map(s.teachers.map((t) => [t.id, new Set(t.unavailable ?? [])]));
  const qualified = new Map(s.courses.map((c) => [c.id, s.teachers.filter((t) => t.courses.includes(c.id) && placementsOf(cal, c).length > 0)]));
  let nodes = 0;
  const tick = () => {
    if (++nodes > maxNodes) throw new OracleGaveUp(`brute force: more than ${maxNodes} nodes; the school is too large for the oracle`);
  };

  /** Some teacher for every section: credentialed, available, no clash, load, prep in every term taught, CPT; `out` receives them. */
  const staffed = (secs: readonly Sec[], out: string[] = []): boolean => {
    const busy = new Map(s.teachers.map((t) => [t.id, new Set<string>()]));
    const load = new Map(s.teachers.map((t) => [t.id, 0]));
    const freeIn = (t: string, pred: (slot: string) => boolean) =>
      allSlots.some((x) => pred(x) && !getKnown(off, t, 'teacher').has(x) && !getKnown(busy, t, 'teacher').has(x));
    const cpt = () =>
      s.pathways.every(
        (p) =>
          p.commonPlanning <= 0 ||
          p.team.length === 0 ||
          allSlots.filter((x) => p.team.every((t) => !off.get(t)?.has(x) && !busy.get(t)?.has(x))).length >= p.commonPlanning,
      );
    const prep = (t: string) =>
      [...new Set([...getKnown(busy, t, 'teacher')].map((x) => termOf(cal, x)))].every((term) => freeIn(t, (x) => termOf(cal, x) === term));
    const assign = (i: number): boolean => {
      tick();
      if (i === secs.length) return cpt();
      const sec = secs[i]!;
      for (const t of getKnown(qualified, sec.course, 'course')) {
        const b = getKnown(busy, t.id, 'teacher');
        if (getKnown(load, t.id, 'teacher') >= t.maxSections || sec.slots.some((x) => b.has(x) || getKnown(off, t.id, 'teacher').has(x))) continue;
        for (const x of sec.slots) b.add(x);
        load.set(t.id, getKnown(load, t.id, 'teacher') + 1);
        out[i] = t.id;
        const ok = prep(t.id) && cpt() && assign(i + 1);
        load.set(t.id, getKnown(load, t.id, 'teacher') - 1);
        for (const x of sec.slots) b.delete(x);
        if (ok) return true;
      }
      return false;
    };
    return assign(0);
  };

  /** Some room for every section of a room type: no clash, seats for those enrolled; `out` receives them by section. */
  const roomed = (secs: readonly Sec[], type: string, out = new Map<Sec, string>()): boolean => {
    const rooms = s.rooms.filter((r) => r.type === type);
    const mine = secs.filter((x) => getKnown(course, x.course, 'course').roomType === type);
    const used: Array<Sec[]> = rooms.map(() => []);
    const assign = (i: number): boolean => {
      tick();
      if (i === mine.length) return true;
      const sec = mine[i]!;
      for (let r = 0; r < rooms.length; r++) {
        if (rooms[r]!.capacity < sec.students.length || used[r]!.some((o) => overlap(o.slots, sec.slots))) continue;
        used[r]!.push(sec);
        out.set(sec, rooms[r]!.id);
        const ok = assign(i + 1);
        used[r]!.pop();
        if (ok) return true;
      }
      return false;
    };
    return assign(0);
  };

  const cache = new Map<string, boolean>();
  const secs: Sec[] = [];
  const memo = (key: string, compute: () => boolean) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  const roomsHold = (type: string) => {
    const key = secs
      .filter((x) => getKnown(course, x.course, 'course').roomType === type)
      .map((x) => `${x.slots.join('+')}#${x.students.length}`)
      .sort()
      .join(' ');
    return memo(`r ${type} ${key}`, () => roomed(secs, type));
  };
  /** Opens a section when teachers and rooms can still be found for every section; returns it, or null. */
  const open = (c: string, slots: readonly string[], cohort: string | null): Sec | null => {
    const sec: Sec = { course: c, slots, cohort, students: [] };
    secs.push(sec);
    const teachersKey = secs
      .map((x) => `${x.course}@${x.slots.join('+')}`)
      .sort()
      .join(' ');
    const type = getKnown(course, c, 'course').roomType;
    if (memo(`t ${teachersKey}`, () => staffed(secs)) && roomsHold(type)) return sec;
    secs.pop();
    return null;
  };
  const close = () => void secs.pop();
  /** Another regular section of the course is within the section plan. */
  const mayOpenRegular = (c: string) => !regularLimit || secs.filter((x) => x.course === c && x.cohort === null).length < regularLimit(c);

  const allowedCohorts = new Map<string, number>();
  for (const p of s.pathways) {
    for (const g of Object.keys(p.cohortCourses)) {
      const members = s.students.filter((st) => st.pathway === p.id && String(st.grade) === g).length;
      allowedCohorts.set(`${p.id}-${g}`, Math.ceil(members / p.cohortSize));
    }
  }
  /** The cohort labels of a pathway grade (`P1-10`). */
  const labelsOf = (key: string) => Array.from({ length: allowedCohorts.get(key) ?? 0 }, (_, n) => `${key}-${n + 1}`);
  const cohortSec = (label: string, c: string) => secs.find((x) => x.cohort === label && x.course === c);
  const cohortMembers = new Map<string, number>();
  const cohortCourses = (st: Student) => s.pathways.find((p) => p.id === st.pathway)?.cohortCourses[String(st.grade)] ?? [];
  /** Cohorts a member may join now: those already opened, and the first unopened one (the rest are interchangeable with it), with room left. */
  const joinableCohorts = (st: Student) => {
    const pathway = present(
      s.pathways.find((x) => x.id === st.pathway),
      `brute force: cohort member ${st.id} has no pathway of the scenario`,
    );
    const labels = labelsOf(`${pathway.id}-${st.grade}`);
    const size = pathway.cohortSize;
    const opened = (l: string) => secs.some((x) => x.cohort === l);
    const firstUnopened = labels.findIndex((x) => !opened(x));
    return labels.filter((l, n) => (opened(l) || n === firstUnopened) && (cohortMembers.get(l) ?? 0) < size);
  };

  /** A student seated section by section: their slots and courses so far. */
  const seating = () => {
    const busy = new Set<string>();
    const taken: string[] = [];
    /** The student joins `sec` (seats, clash, one section per course, rooms), runs `next`, and leaves; returns `next`'s answer, false when they cannot join. */
    const join = (st: Student, sec: Sec, next: () => boolean): boolean => {
      if (sec.students.length >= getKnown(course, sec.course, 'course').capacity || sec.slots.some((x) => busy.has(x)) || taken.includes(sec.course))
        return false;
      sec.students.push(st.id);
      let stop = false;
      if (roomsHold(getKnown(course, sec.course, 'course').roomType)) {
        for (const x of sec.slots) busy.add(x);
        taken.push(sec.course);
        stop = next();
        taken.pop();
        for (const x of sec.slots) busy.delete(x);
      }
      sec.students.pop();
      return stop;
    };
    /** A section of course `c` for the student: an existing one, else a new one at each free placement (within the plan). */
    const each = (st: Student, c: string, cohort: string | null, next: () => boolean): boolean => {
      tick();
      const existing = cohort ? cohortSec(cohort, c) : undefined;
      if (existing) return join(st, existing, next);
      if (!cohort) for (const sec of [...secs]) if (sec.course === c && sec.cohort === null && join(st, sec, next)) return true;
      if (!cohort && !mayOpenRegular(c)) return false;
      for (const slots of getKnown(placements, c, 'course')) {
        if (slots.some((x) => busy.has(x))) continue;
        const sec = open(c, slots, cohort);
        if (!sec) continue;
        const stop = join(st, sec, next);
        close();
        if (stop) return true;
      }
      return false;
    };
    return { busy, taken, join, each };
  };

  /**
   * Every board holding the locks (each locked course and slot needs that many sections meeting
   * there, regular or cohort), calling `then` on each until it returns true.
   */
  const lockBoards = (then: () => boolean): boolean => {
    const locks = new Map<string, { course: string; slot: string; count: number }>();
    for (const l of s.locks) {
      const k = `${l.course}@${l.slot}`;
      locks.set(k, { course: l.course, slot: l.slot, count: (locks.get(k)?.count ?? 0) + 1 });
    }
    const lockList = [...locks.values()];
    const phase = (i: number): boolean => {
      if (i === lockList.length) return then();
      const l = lockList[i]!;
      if (secs.filter((x) => x.course === l.course && x.slots.includes(l.slot)).length >= l.count) return phase(i + 1);
      const labels = s.pathways.flatMap((p) =>
        Object.entries(p.cohortCourses).flatMap(([g, list]) => (list.includes(l.course) ? labelsOf(`${p.id}-${g}`) : [])),
      );
      for (const cohort of [...(mayOpenRegular(l.course) ? [null] : []), ...labels.filter((x) => !cohortSec(x, l.course))]) {
        for (const slots of placements.get(l.course) ?? []) {
          if (!slots.includes(l.slot) || !open(l.course, slots, cohort)) continue;
          const stop = phase(i);
          close();
          if (stop) return true;
        }
      }
      return false;
    };
    return staffed([]) && phase(0);
  };

  /** The open sections and their students, copied. */
  const snapshot = () => secs.map((x) => ({ ...x, students: [...x.students] }));
  /** A board's sections with teachers and rooms found again, and each student's sections. */
  const schedule = (list: Sec[]): Witness => {
    const teachers: string[] = [];
    const rooms = new Map<Sec, string>();
    if (!staffed(list, teachers) || ![...new Set(s.courses.map((c) => c.roomType))].every((type) => roomed(list, type, rooms)))
      throw new Error('brute force: the best board lost its teachers or rooms');
    const sections = list.map((x, k) => ({
      id: `${x.course}-${k + 1}`,
      course: x.course,
      teacher: teachers[k]!,
      room: getKnown(rooms, x, 'room of section'),
      slots: [...x.slots],
      ...(x.cohort ? { cohort: x.cohort } : {}),
    }));
    const enrollments: Record<string, string[]> = {};
    list.forEach((x, k) => {
      for (const st of x.students) (enrollments[st] ??= []).push(sections[k]!.id);
    });
    return { sections, enrollments };
  };
  /** The open sections and their head counts, as a key: all a later student's options depend on. */
  const boardKey = () =>
    secs
      .map((x) => `${x.course}@${x.slots.join('+')}#${x.cohort ?? '-'}:${x.students.length}`)
      .sort()
      .join(' ');

  return {
    tick,
    course,
    placements,
    secs,
    open,
    close,
    roomsHold,
    mayOpenRegular,
    labelsOf,
    cohortSec,
    cohortMembers,
    cohortCourses,
    joinableCohorts,
    seating,
    lockBoards,
    snapshot,
    schedule,
    boardKey,
  };
}

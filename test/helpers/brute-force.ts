/**
 * The brute-force oracle: whether any schedule keeps every hard rule, and the most pathway
 * students any valid schedule places, found by trying every way to seat them. Written from
 * SCENARIO.md alone (slots and placements from school-time.ts), sharing no code with the engine,
 * its section plan or its checker:
 *
 * - A schedule may run any sections: the oracle opens a section (course, placement, cohort or
 *   not) whenever a student it seats needs one, so there is no planned section count; a cohort
 *   holds up to the pathway's `cohortSize` (seats permitting), with at most
 *   ⌈members / cohortSize⌉ cohorts per pathway grade.
 * - Students the oracle does not place sit in no section, which every rule allows; so only the
 *   locks (which need sections) and common planning time (which teacher unavailability alone can
 *   break) can leave a school with no valid schedule at all. `feasible` says whether one exists;
 *   `best` is 0 both when none does and when a valid schedule places nobody, and `feasible`
 *   tells the two apart.
 * - A pathway student is placed when every request is met (by the course or an alternate, one
 *   section per request, never two sections of one course), their cohort courses in their own
 *   cohort's sections, and, with `agRule: on-track`, they are A–G on track or their requests
 *   cannot reach it. Rules kept: placements, student, teacher and room clashes, credentials,
 *   unavailability, `maxSections`, prep in every term taught, common planning time, room type,
 *   seats (the course's and the room's), locks, cohorts (own members only, together, one section
 *   per course, size, count).
 * - The contract's enrollment rules (SCENARIO.md "Enrollment"): a student sits in at most one
 *   section of a course, and one section meets one request, so an alternate course taken for one
 *   request does not also meet another (nor a cohort course another request). Grades: a request
 *   outside a course's `grades` exists only under `gradeRule: "allow"` (parse refuses it under
 *   the strict default), which admits it; so the oracle seats students in any course they request.
 *   Priority tiers do not enter: the oracle counts pathway placement only.
 *
 * Search: pathway students one by one, each placed (every way to seat them in existing or new
 * sections) or left out, bounded by the best found; of identical students a prefix is placed.
 * Teachers and rooms are not branched on: each time a section opens or a seat is taken, a small
 * exhaustive search checks that some assignment of teachers (credentials, availability, clashes,
 * load, prep, CPT) and of rooms (type, clashes, seats) exists for all sections. The oracle throws
 * beyond `maxNodes` so that a school too large for it fails loudly rather than slowly.
 */
import type { AgSubject, Scenario, Student } from '../../src/scenario/schema.js';
import type { Section } from '../../src/solution/schema.js';
import { placementsOf, slotsOf, termOf } from './school-time.js';

export interface OracleResult {
  /** Some schedule keeps every hard rule. */
  readonly feasible: boolean;
  /** The most pathway students a valid schedule places; 0 when there is none. */
  readonly best: number;
  /** A schedule placing `best` (teachers and rooms assigned), for the checker to confirm; null when none is valid. */
  readonly witness: { sections: Section[]; enrollments: Record<string, string[]> } | null;
}

/** The oracle stopped at its node limit: the school is too large for it. */
export class OracleGaveUp extends Error {}

interface Sec {
  readonly course: string;
  readonly slots: readonly string[];
  readonly cohort: string | null;
  readonly students: string[];
}

/** Cumulative A–G years by the end of grades 9–12 (SCENARIO.md "Pathways, cohorts, A–G"). */
const AG_MIN: Record<AgSubject, readonly number[]> = { a: [0, 1, 2, 2], b: [1, 2, 3, 4], c: [1, 2, 3, 3], d: [0, 1, 2, 2], e: [0, 1, 2, 2], f: [0, 0, 1, 1], g: [0, 0, 0, 1] };
const SUBJECTS = Object.keys(AG_MIN) as AgSubject[];

const overlap = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export function bruteForce(s: Scenario, maxNodes = 2_000_000, regularLimit?: (course: string) => number): OracleResult {
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
    const freeIn = (t: string, pred: (slot: string) => boolean) => allSlots.some((x) => pred(x) && !off.get(t)!.has(x) && !busy.get(t)!.has(x));
    const cpt = () => s.pathways.every((p) => p.commonPlanning <= 0 || p.team.length === 0 || allSlots.filter((x) => p.team.every((t) => !off.get(t)?.has(x) && !busy.get(t)?.has(x))).length >= p.commonPlanning);
    const prep = (t: string) => [...new Set([...busy.get(t)!].map((x) => termOf(cal, x)))].every((term) => freeIn(t, (x) => termOf(cal, x) === term));
    const assign = (i: number): boolean => {
      tick();
      if (i === secs.length) return cpt();
      const sec = secs[i]!;
      for (const t of qualified.get(sec.course)!) {
        const b = busy.get(t.id)!;
        if (load.get(t.id)! >= t.maxSections || sec.slots.some((x) => b.has(x) || off.get(t.id)!.has(x))) continue;
        for (const x of sec.slots) b.add(x);
        load.set(t.id, load.get(t.id)! + 1);
        out[i] = t.id;
        const ok = prep(t.id) && cpt() && assign(i + 1);
        load.set(t.id, load.get(t.id)! - 1);
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
    const mine = secs.filter((x) => course.get(x.course)!.roomType === type);
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
  /** Opens a section when teachers and rooms can still be found for every section; returns it, or null. */
  const open = (c: string, slots: readonly string[], cohort: string | null): Sec | null => {
    const sec: Sec = { course: c, slots, cohort, students: [] };
    secs.push(sec);
    const teachersKey = secs.map((x) => `${x.course}@${x.slots.join('+')}`).sort().join(' ');
    const type = course.get(c)!.roomType;
    if (memo(`t ${teachersKey}`, () => staffed(secs)) && roomsHold(type)) return sec;
    secs.pop();
    return null;
  };
  const roomsHold = (type: string) => {
    const key = secs.filter((x) => course.get(x.course)!.roomType === type).map((x) => `${x.slots.join('+')}#${x.students.length}`).sort().join(' ');
    return memo(`r ${type} ${key}`, () => roomed(secs, type));
  };
  const close = () => void secs.pop();

  const gradeKey = (st: Student) => `${st.pathway}-${st.grade}`;
  const cohortCourses = (st: Student) => s.pathways.find((p) => p.id === st.pathway)?.cohortCourses[String(st.grade)] ?? [];
  const allowedCohorts = new Map<string, number>();
  for (const p of s.pathways) {
    for (const g of Object.keys(p.cohortCourses)) {
      const members = s.students.filter((st) => st.pathway === p.id && String(st.grade) === g).length;
      allowedCohorts.set(`${p.id}-${g}`, Math.ceil(members / p.cohortSize));
    }
  }
  const labelsOf = (key: string) => Array.from({ length: allowedCohorts.get(key) ?? 0 }, (_, n) => `${key}-${n + 1}`);
  const cohortSec = (label: string, c: string) => secs.find((x) => x.cohort === label && x.course === c);
  const cohortMembers = new Map<string, number>();

  const agOk = (st: Student, taken: readonly string[]) => {
    if (s.policy.agRule !== 'on-track') return true;
    const years = (courses: readonly string[], k: AgSubject) => (st.agCompleted?.[k] ?? 0) + new Set(courses.filter((c) => course.get(c)?.ag === k)).size;
    const need = (k: AgSubject) => AG_MIN[k][Math.min(3, Math.max(0, st.grade - 9))] ?? 0;
    const reachable = SUBJECTS.every((k) => years(st.requests, k) >= need(k));
    return !reachable || SUBJECTS.every((k) => years(taken, k) >= need(k));
  };

  /** Every way to seat one student with every request met, calling `then` for each until it returns true. */
  const seat = (st: Student, then: () => boolean): boolean => {
    const own = cohortCourses(st);
    const lines = st.requests.filter((r) => !own.includes(r)).map((r) => [r, ...(st.alternates?.[r] ?? [])]);
    const busy = new Set<string>();
    const taken: string[] = [];
    const join = (sec: Sec, next: () => boolean): boolean => {
      if (sec.students.length >= course.get(sec.course)!.capacity || overlap(sec.slots, [...busy]) || taken.includes(sec.course)) return false;
      sec.students.push(st.id);
      let stop = false;
      if (roomsHold(course.get(sec.course)!.roomType)) {
        for (const x of sec.slots) busy.add(x);
        taken.push(sec.course);
        stop = next();
        taken.pop();
        for (const x of sec.slots) busy.delete(x);
      }
      sec.students.pop();
      return stop;
    };
    /** An existing section, else a new one at each free placement. */
    const each = (c: string, cohort: string | null, next: () => boolean): boolean => {
      tick();
      const existing = cohort ? cohortSec(cohort, c) : undefined;
      if (existing) return join(existing, next);
      if (!cohort) for (const sec of [...secs]) if (sec.course === c && sec.cohort === null && join(sec, next)) return true;
      if (!cohort && regularLimit && secs.filter((x) => x.course === c && x.cohort === null).length >= regularLimit(c)) return false;
      for (const slots of placements.get(c)!) {
        if (overlap(slots, [...busy])) continue;
        const sec = open(c, slots, cohort);
        if (!sec) continue;
        const stop = join(sec, next);
        close();
        if (stop) return true;
      }
      return false;
    };
    /** Ways a line could still be met now: joinable sections and free placements, counted loosely. */
    const options = (line: readonly string[]) => {
      let n = 0;
      for (const c of line) {
        if (!course.has(c) || taken.includes(c)) continue;
        const cap = course.get(c)!.capacity;
        for (const sec of secs) if (sec.course === c && sec.cohort === null && sec.students.length < cap && !overlap(sec.slots, [...busy])) n++;
        for (const slots of placements.get(c)!) if (!overlap(slots, [...busy])) n++;
      }
      return n;
    };
    const met = lines.map(() => false);
    /** The line with the fewest options next (any order finds every way; this one fails soonest). */
    const requests = (left: number): boolean => {
      if (left === 0) return agOk(st, taken) && then();
      let pick = -1;
      let fewest = Infinity;
      for (let i = 0; i < lines.length; i++) {
        if (met[i]) continue;
        const n = options(lines[i]!);
        if (n < fewest) [pick, fewest] = [i, n];
      }
      if (fewest === 0) return false;
      met[pick] = true;
      let stop = false;
      for (const c of lines[pick]!) if (!stop && course.has(c) && !taken.includes(c)) stop = each(c, null, () => requests(left - 1));
      met[pick] = false;
      return stop;
    };
    if (own.length === 0) return requests(lines.length);
    const size = s.pathways.find((x) => x.id === st.pathway)!.cohortSize;
    const labels = labelsOf(gradeKey(st));
    const opened = (l: string) => secs.some((x) => x.cohort === l);
    // Unopened cohorts are interchangeable: only the first of them is tried.
    for (const label of labels.filter((l, n) => opened(l) || labels.findIndex((x) => !opened(x)) === n)) {
      if ((cohortMembers.get(label) ?? 0) >= size) continue;
      const cohortCourse = (k: number): boolean => {
        if (k < own.length) return each(own[k]!, label, () => cohortCourse(k + 1));
        cohortMembers.set(label, (cohortMembers.get(label) ?? 0) + 1);
        const stop = requests(lines.length);
        cohortMembers.set(label, (cohortMembers.get(label) ?? 0) - 1);
        return stop;
      };
      if (cohortCourse(0)) return true;
    }
    return false;
  };

  const members = s.students
    .filter((st) => st.pathway !== undefined)
    .map((st) => ({ st, key: JSON.stringify([st.pathway, st.grade, st.requests, st.alternates ?? {}, st.agCompleted ?? {}]) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  let feasible = false;
  let best = 0;
  let witness: Sec[] | null = null;
  const snapshot = () => secs.map((x) => ({ ...x, students: [...x.students] }));
  // Boards already searched with these students left, and the most placed on the way there.
  const seen = new Map<string, number>();
  /** Members i.. placed or left out; true to stop the whole search (every member placed). */
  const place = (list: typeof members, i: number, placed: number, skipKey: string | null): boolean => {
    tick();
    if (placed + (list.length - i) <= best) return false;
    const state = `${secs.map((x) => `${x.course}@${x.slots.join('+')}#${x.cohort}:${x.students.length}`).sort().join(' ')}|${list.slice(i).map((m) => m.st.id).join(' ')}|${skipKey}`;
    if ((seen.get(state) ?? -1) >= placed) return false;
    seen.set(state, placed);
    // A student who cannot be seated alone on this board never will be on a fuller one.
    const rest = list.slice(i).filter((m) => seat(m.st, () => true));
    if (placed + rest.length <= best) return false;
    if (rest.length === 0) {
      best = placed;
      witness = snapshot();
      return best === members.length;
    }
    const { st, key } = rest[0]!;
    const after = rest.slice(1);
    // Of identical students a prefix is placed: once one is left out, so are the rest.
    if (key !== skipKey && seat(st, () => place(after, 0, placed + 1, null))) return true;
    return place(after, 0, placed, key);
  };

  // Locks first: each locked course and slot needs that many sections meeting there, regular or cohort.
  const locks = new Map<string, { course: string; slot: string; count: number }>();
  for (const l of s.locks) {
    const k = `${l.course}@${l.slot}`;
    locks.set(k, { course: l.course, slot: l.slot, count: (locks.get(k)?.count ?? 0) + 1 });
  }
  const lockList = [...locks.values()];
  const lockPhase = (i: number): boolean => {
    if (i === lockList.length) {
      feasible = true;
      witness ??= snapshot();
      return place(members, 0, 0, null);
    }
    const l = lockList[i]!;
    if (secs.filter((x) => x.course === l.course && x.slots.includes(l.slot)).length >= l.count) return lockPhase(i + 1);
    const labels = s.pathways.flatMap((p) => Object.entries(p.cohortCourses).flatMap(([g, list]) => (list.includes(l.course) ? labelsOf(`${p.id}-${g}`) : [])));
    const regularAllowed = !regularLimit || secs.filter((x) => x.course === l.course && x.cohort === null).length < regularLimit(l.course);
    for (const cohort of [...(regularAllowed ? [null] : []), ...labels.filter((x) => !cohortSec(x, l.course))]) {
      for (const slots of placements.get(l.course) ?? []) {
        if (!slots.includes(l.slot) || !open(l.course, slots, cohort)) continue;
        const stop = lockPhase(i);
        close();
        if (stop) return true;
      }
    }
    return false;
  };
  if (staffed([])) lockPhase(0);
  return { feasible, best: feasible ? best : 0, witness: witness ? schedule(witness) : null };

  /** The sections with teachers and rooms found again, and each student's sections. */
  function schedule(list: Sec[]): NonNullable<OracleResult['witness']> {
    const teachers: string[] = [];
    const rooms = new Map<Sec, string>();
    if (!staffed(list, teachers) || ![...new Set(s.courses.map((c) => c.roomType))].every((type) => roomed(list, type, rooms))) throw new Error('brute force: the best board lost its teachers or rooms');
    const sections = list.map((x, k) => ({ id: `${x.course}-${k + 1}`, course: x.course, teacher: teachers[k]!, room: rooms.get(x)!, slots: [...x.slots], ...(x.cohort ? { cohort: x.cohort } : {}) }));
    const enrollments: Record<string, string[]> = {};
    list.forEach((x, k) => {
      for (const st of x.students) (enrollments[st] ??= []).push(sections[k]!.id);
    });
    return { sections, enrollments };
  }
}

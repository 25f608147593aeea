/**
 * Explanations read off a schedule: for every unmet request, what stops the student from each
 * section of the course (clash, full, reserved) and, when every section is blocked, why no
 * further section could run (teacher or room shortage, or the planned count); for every
 * unplaced pathway student, those causes plus cohort seats and A–G shortfalls.
 */
import { coursePatterns, type Pattern } from '../calendar/slots.js';
import { lookup, rosterOf, seatLimit, standing, timetableOf, type Lookup, type RequestLine, type Standing } from '../checker/index.js';
import { isOwnCohort, ownCohortLabels } from '../checker/cohort-label.js';
import { freeTime, keepsCommonPlanning, termsWithoutPrep, type FreeTime } from '../checker/free-time.js';
import type { Scenario, Student } from '../scenario/schema.js';
import type { Schedule } from '../checker/violation.js';
import type { Cause, Explanations, RequestExplanation, StudentExplanation } from './cause.js';
import { requireScenarioAndSchedule } from '../solution/parse.js';
import { getOrInsert } from '../map-entry.js';

/**
 * Slots in use per teacher and per room, sections per teacher, and every teacher's free time
 * (the checker's derivation, src/checker/free-time.ts), built once per schedule.
 */
export interface Occupancy {
  readonly teacherSlots: ReadonlyMap<string, ReadonlySet<string>>;
  readonly roomSlots: ReadonlyMap<string, ReadonlySet<string>>;
  readonly teacherLoad: ReadonlyMap<string, number>;
  readonly free: FreeTime;
}

export function occupancy(book: Lookup): Occupancy {
  const teacherSlots = new Map<string, Set<string>>();
  const roomSlots = new Map<string, Set<string>>();
  const teacherLoad = new Map<string, number>();
  for (const s of book.sections.values()) {
    const t = getOrInsert(teacherSlots, s.teacher, () => new Set());
    const r = getOrInsert(roomSlots, s.room, () => new Set());
    for (const slot of s.slots) {
      t.add(slot);
      r.add(slot);
    }
    teacherLoad.set(s.teacher, (teacherLoad.get(s.teacher) ?? 0) + 1);
  }
  return { teacherSlots, roomSlots, teacherLoad, free: freeTime(book) };
}

/**
 * Whether a qualified teacher could take another section of `course` in `pattern`: free and
 * available there (the checker's free time), below `maxSections`, and still keeping a prep slot in
 * every term they teach and their teams' common planning slots, as the checker's rules `prep` and
 * `cpt` judge them on the same derivation.
 */
export function teacherCanOpen(book: Lookup, occ: Occupancy, teacher: string, pattern: Pattern): boolean {
  const t = book.teachers.get(teacher);
  const own = occ.free.get(teacher);
  if (!t || !own || (occ.teacherLoad.get(teacher) ?? 0) >= t.maxSections || !pattern.slots.every((s) => own.has(s))) return false;
  const taken = new Set(pattern.slots);
  const after = new Map(occ.free);
  after.set(teacher, new Set([...own].filter((s) => !taken.has(s))));
  const taught = [...(occ.teacherSlots.get(teacher) ?? []), ...pattern.slots];
  if (termsWithoutPrep(book, after.get(teacher) ?? new Set(), taught).length > 0) return false;
  return book.scenario.pathways.every((p) => !p.team.includes(teacher) || keepsCommonPlanning(book, after, p));
}

/** A room of the type free in every slot of the pattern, first in scenario order. */
export function freeRoom(book: Lookup, occ: Occupancy, roomType: string, pattern: Pattern): string | undefined {
  return book.scenario.rooms.find((r) => r.type === roomType && pattern.slots.every((s) => !occ.roomSlots.get(r.id)?.has(s)))?.id;
}

/** Placements of the course the student has free (no own section other than those of `except` courses). */
export function freePatterns(book: Lookup, studentId: string, course: string, except: ReadonlySet<string>): Pattern[] {
  const c = book.courses.get(course);
  if (!c) return [];
  const taken = new Set(
    timetableOf(book, studentId)
      .filter((s) => !except.has(s.course))
      .flatMap((s) => s.slots),
  );
  return coursePatterns(book.scenario.calendar, c).filter((p) => p.slots.every((s) => !taken.has(s)));
}

/** Why no further section of any accepted course could run where the student is free. */
function capacityCauses(book: Lookup, occ: Occupancy, student: Student, line: RequestLine): Cause[] {
  const accepts = new Set(line.accepts);
  const out: Cause[] = [];
  for (const course of line.accepts) {
    const info = book.courses.get(course);
    if (!info) continue;
    const qualified = book.scenario.teachers.filter((t) => t.courses.includes(course)).map((t) => t.id);
    const patterns = freePatterns(book, student.id, course, accepts);
    const open = patterns.flatMap((p) => qualified.filter((t) => teacherCanOpen(book, occ, t, p)).map((t) => ({ p, t })));
    if (open.length === 0) {
      out.push({ kind: 'teacher-shortage', request: line.course, course, teachers: qualified });
      continue;
    }
    const withRoom = open.map((o) => ({ ...o, room: freeRoom(book, occ, info.roomType, o.p) })).find((o) => o.room !== undefined);
    if (!withRoom || withRoom.room === undefined) {
      out.push({ kind: 'room-shortage', request: line.course, course, roomType: info.roomType, placements: [...new Set(open.map((o) => o.p.key))] });
      continue;
    }
    const sections = book.schedule.sections.filter((s) => s.course === course).length;
    out.push({ kind: 'section-count', request: line.course, course, sections, teacher: withRoom.t, room: withRoom.room, slots: withRoom.p.slots });
  }
  return out;
}

/** Causes of one unmet request. */
export function requestCauses(book: Lookup, occ: Occupancy, student: Student, line: RequestLine): Cause[] {
  const accepts = new Set(line.accepts);
  const offered = book.schedule.sections.filter((s) => accepts.has(s.course));
  if (offered.length === 0) return [{ kind: 'not-offered', request: line.course, courses: [...line.accepts] }, ...capacityCauses(book, occ, student, line)];
  const own = timetableOf(book, student.id).filter((s) => !accepts.has(s.course));
  const cohorts = ownCohortLabels(student, own);
  const out: Cause[] = [];
  let anyOpen = false;
  for (const s of offered) {
    if (s.cohort !== undefined && (!isOwnCohort(s.cohort, student) || (cohorts.size > 0 && !cohorts.has(s.cohort)))) {
      // Reserved for another cohort: out of the student's reach whatever its seats and slots.
      out.push({ kind: 'reserved', request: line.course, section: s.id, cohort: s.cohort });
      continue;
    }
    let blocked = false;
    for (const o of own) {
      const shared = o.slots.filter((slot) => s.slots.includes(slot));
      if (shared.length > 0) {
        out.push({ kind: 'clash', request: line.course, section: s.id, blocker: o.id, slots: shared });
        blocked = true;
      }
    }
    const size = seatLimit(book, s);
    const enrolled = rosterOf(book, s.id).length;
    if (size !== undefined && enrolled >= size) {
      out.push({ kind: 'full', request: line.course, section: s.id, enrolled, size });
      blocked = true;
    }
    if (!blocked) {
      anyOpen = true;
      out.push({ kind: 'open-seat', request: line.course, section: s.id });
    }
  }
  const missing = line.accepts.filter((c) => !offered.some((s) => s.course === c));
  if (missing.length > 0) out.push({ kind: 'not-offered', request: line.course, courses: missing });
  return anyOpen ? out : [...out, ...capacityCauses(book, occ, student, line)];
}

function cohortCauses(book: Lookup, st: Standing): Cause[] {
  const c = st.cohort;
  if (!c || c.ok) return [];
  const grade = st.student.grade;
  const labels = ownCohortLabels(st.student, c.sections.values());
  if (labels.size === 0) {
    const cohortSections = book.schedule.sections.filter((s) => isOwnCohort(s.cohort, st.student));
    const formed = [...new Set(cohortSections.map((s) => s.cohort ?? ''))].sort();
    const seated = new Set(cohortSections.flatMap((s) => rosterOf(book, s.id))).size;
    const members = book.scenario.students.filter((s) => s.pathway === c.pathway.id && s.grade === grade).length;
    return [{ kind: 'no-cohort-seat', pathway: c.pathway.id, grade, cohorts: formed, seated, members, cohortSize: c.pathway.cohortSize }];
  }
  if (labels.size > 1) {
    const parts = [...c.sections.values()].filter((s) => s.cohort !== undefined);
    return [{ kind: 'cohort-split', sections: parts.map((s) => s.id), cohorts: [...labels].sort() }];
  }
  const [label = ''] = labels;
  const out: Cause[] = [];
  for (const course of c.courses) {
    if (c.sections.get(course)?.cohort === label) continue;
    const section = book.schedule.sections.find((s) => s.cohort === label && s.course === course);
    out.push({ kind: 'cohort-section', cohort: label, course, section: section?.id ?? null });
  }
  return out;
}

function agCauses(book: Lookup, st: Standing): Cause[] {
  if (book.scenario.policy.agRule !== 'on-track' || st.ag.onTrack || st.ag.offTrackByRequest) return [];
  return st.ag.shortfalls.map((f) => ({ kind: 'ag-shortfall', subject: f.subject, years: f.years, needed: f.needed }));
}

/**
 * Every unmet request of every student and every unplaced pathway student, each with its causes
 * as data. Students in scenario order, requests in request order.
 */
export function explainSchedule(scenarioInput: Scenario, solutionInput: Schedule): Explanations {
  const [scenario, solution] = requireScenarioAndSchedule(scenarioInput, solutionInput);
  const book = lookup(scenario, solution);
  const occ = occupancy(book);
  const students: StudentExplanation[] = [];
  const requests: RequestExplanation[] = [];
  for (const student of scenario.students) {
    const st = standing(book, student);
    const byRequest = st.unmet.map((line) => {
      const causes = requestCauses(book, occ, student, line);
      requests.push({ student: student.id, request: line.course, priority: line.priority, causes });
      return causes;
    });
    if (st.placed !== false || student.pathway === undefined) continue;
    students.push({
      student: student.id,
      pathway: student.pathway,
      grade: student.grade,
      causes: [...byRequest.flat(), ...cohortCauses(book, st), ...agCauses(book, st)],
    });
  }
  return { students, requests };
}

/**
 * Identical students (same grade, pathway, requests, alternates and effective priorities) are
 * merged into one group with an integer count, so the program grows with the number of
 * distinct request patterns rather than with the number of students.
 *
 * Merging keeps the program exact only where the group's counts always split into timetables:
 * when every course that may meet a request occupies a single slot and meets only that request,
 * a student's timetable is a matching of requests to slots, and counts bounded per request and
 * per slot split into that many matchings (König's edge-colouring theorem). A placement of
 * several slots (a double period, an every-day course on an A/B calendar, a full-year course in
 * a 4x4 block), or one course able to meet two requests (a shared alternate, limited to one
 * section per student), breaks this: two ninth graders can then be given counts no two real
 * timetables realise. Such students therefore stay groups of one, where the counts are the
 * timetable.
 */
import type { Course, Priority, Scenario, Student } from '../scenario/schema.js';
import { agShortfall, onTrackReachable } from './ag.js';

/** One request of a group, with what may meet it. */
export interface GroupRequest {
  readonly course: string;
  /** The course and its alternates, in preference order. */
  readonly choices: readonly string[];
  /** Choices that keep the student A–G on track, so count towards pathway placement. */
  readonly safe: readonly string[];
  /**
   * Effective priority, the objective tier it counts in (src/model/objective.ts): `required` for a
   * cohort course and, with `agRule: "on-track"`, for an A–G course the student needs to stay on
   * track (every requested course of a subject the student is short in, when they request no more
   * of it than they are short); otherwise the request's own priority.
   */
  readonly priority: Priority;
  /** A cohort course of the student's pathway grade. */
  readonly cohort: boolean;
}

export interface StudentGroup {
  readonly key: string;
  readonly grade: number;
  readonly pathway?: string;
  /** Student ids, sorted. */
  readonly students: readonly string[];
  readonly requests: readonly GroupRequest[];
}

/** A student's requests with their choices and effective priorities. */
function requestsOf(student: Student, courses: ReadonlyMap<string, Course>, agOn: boolean, isCohort: (c: string) => boolean): GroupRequest[] {
  const requested = new Set(student.requests);
  const short = agShortfall(student);
  const offered = new Map<string, number>();
  for (const id of student.requests) {
    const k = courses.get(id)?.ag;
    if (k) offered.set(k, (offered.get(k) ?? 0) + 1);
  }
  const reachable = onTrackReachable(student, courses);
  return student.requests.map((course) => {
    const alts = (student.alternates?.[course] ?? []).filter((a) => !requested.has(a) && courses.has(a));
    const choices = [course, ...new Set(alts)];
    const ag = courses.get(course)?.ag ?? null;
    const safe = agOn && reachable ? choices.filter((c) => (courses.get(c)?.ag ?? null) === ag) : choices;
    const cohort = isCohort(course);
    const needed = agOn && ag !== null && short[ag] > 0 && (offered.get(ag) ?? 0) <= short[ag];
    const priority: Priority = cohort || needed ? 'required' : (student.priorities?.[course] ?? 'requested');
    return { course, choices, safe, priority, cohort };
  });
}

/** Whether counts of identical students with these requests always split into timetables (see the module comment). */
export function mergeable(requests: readonly GroupRequest[], multiSlot: (course: string) => boolean): boolean {
  const seen = new Set<string>();
  for (const r of requests) {
    for (const c of r.choices) {
      if (multiSlot(c) || seen.has(c)) return false;
      seen.add(c);
    }
  }
  return true;
}

/**
 * Groups the scenario's students.
 * @param isCohortCourse - whether the course is a cohort course of the student's pathway grade.
 * @param multiSlot - whether a section of the course may occupy more than one slot.
 * @param alone - students kept in groups of their own whatever their requests.
 */
export function groupStudents(
  scenario: Scenario,
  isCohortCourse: (student: Student, course: string) => boolean,
  multiSlot: (course: string) => boolean,
  alone: ReadonlySet<string> = new Set(),
): StudentGroup[] {
  const courses = new Map(scenario.courses.map((c) => [c.id, c]));
  const agOn = scenario.policy.agRule === 'on-track';
  const byKey = new Map<string, { grade: number; pathway?: string; students: string[]; requests: GroupRequest[] }>();
  for (const student of scenario.students) {
    const requests = requestsOf(student, courses, agOn, (c) => isCohortCourse(student, c)).sort((a, b) => (a.course < b.course ? -1 : 1));
    const own = alone.has(student.id) || !mergeable(requests, multiSlot) ? student.id : null;
    const key = JSON.stringify([student.grade, student.pathway ?? null, requests, own]);
    const group = byKey.get(key);
    if (group) group.students.push(student.id);
    else byKey.set(key, { grade: student.grade, ...(student.pathway ? { pathway: student.pathway } : {}), students: [student.id], requests });
  }
  return [...byKey.entries()].map(([key, g]) => ({ key, ...g, students: g.students.sort() })).sort((a, b) => (a.students[0]! < b.students[0]! ? -1 : 1));
}

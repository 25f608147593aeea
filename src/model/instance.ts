/**
 * The indexed view of a scenario that the integer program is built on: placements each course
 * may take, who may teach it, how many sections it needs, the cohorts of every pathway grade,
 * and students merged into groups of identical students. Pure domain: nothing here knows a solver.
 */
import { allSlots, coursePatterns, type Pattern, type Slot } from '../calendar/slots.js';
import type { Course, Scenario, Teacher } from '../scenario/schema.js';
import { groupStudents, type StudentGroup } from './aggregate.js';
import { getKnown } from '../map-entry.js';

export interface CourseInfo {
  readonly course: Course;
  readonly patterns: readonly Pattern[];
  /** Seats per section: the course capacity, or less when no room of its type is that large. */
  readonly seats: number;
  /** Teachers credentialed for the course. */
  readonly teachers: readonly string[];
  /** Sections open to all requesters (cohort sections come on top), at most. */
  readonly regularSections: number;
  /** When the scenario fixes the count: regular plus cohort sections must equal it. */
  readonly fixedSections?: number;
}

/** One cohort of a pathway grade: `HEALTH-10-1`. */
export interface CohortInfo {
  readonly id: string;
  readonly pathway: string;
  readonly grade: number;
  /** 1-based position among the cohorts of its pathway grade. */
  readonly number: number;
  readonly courses: readonly string[];
  /** Members at most: the cohort size, or fewer if a cohort course (its capacity or its largest room) seats fewer. */
  readonly size: number;
}

export interface Instance {
  readonly scenario: Scenario;
  readonly slots: readonly Slot[];
  readonly courses: ReadonlyMap<string, CourseInfo>;
  readonly teachers: ReadonlyMap<string, Teacher>;
  /** Slots each teacher is available in. */
  readonly available: ReadonlyMap<string, ReadonlySet<string>>;
  readonly cohorts: readonly CohortInfo[];
  readonly groups: readonly StudentGroup[];
  /** Room count per room type. */
  readonly roomsOfType: ReadonlyMap<string, number>;
}

/** Whether the course's placement clears every unavailable slot of the teacher. */
export function canTeachIn(available: ReadonlySet<string>, pattern: Pattern): boolean {
  return pattern.slots.every((s) => available.has(s));
}

/**
 * Indexes a scenario for its integer program.
 * @param alone - students to keep in groups of their own (the engine's repair of a loading
 *   that fell short of the program's counts); others are merged as src/model/aggregate.ts says.
 */
export function buildInstance(scenario: Scenario, alone?: ReadonlySet<string>): Instance {
  const slots = allSlots(scenario.calendar);
  const teachers = new Map(scenario.teachers.map((t) => [t.id, t]));
  const available = new Map(
    scenario.teachers.map((t) => {
      const off = new Set(t.unavailable ?? []);
      return [t.id, new Set(slots.map((s) => s.name).filter((s) => !off.has(s)))];
    }),
  );
  const roomsOfType = new Map<string, number>();
  const largestRoom = new Map<string, number>();
  for (const r of scenario.rooms) {
    roomsOfType.set(r.type, (roomsOfType.get(r.type) ?? 0) + 1);
    largestRoom.set(r.type, Math.max(largestRoom.get(r.type) ?? 0, r.capacity));
  }

  const seatsOf = new Map(
    scenario.courses.map((course) => [course.id, Math.max(1, Math.min(course.capacity, largestRoom.get(course.roomType) ?? course.capacity))]),
  );
  const cohorts = buildCohorts(scenario, seatsOf);
  const cohortSeatsOf = new Map<string, number>();
  for (const k of cohorts) for (const c of k.courses) cohortSeatsOf.set(c, (cohortSeatsOf.get(c) ?? 0) + 1);

  // Demand for regular sections: every request except those a cohort will seat. A cohort seats
  // its members, not its size: a pathway grade of 5 members in a cohort of 24 leaves the other
  // requesters of its cohort courses (students outside it) to regular sections (issue 14).
  const cohortSeated = new Map<string, number>();
  for (const p of scenario.pathways) {
    for (const [gradeKey, list] of Object.entries(p.cohortCourses)) {
      const grade = Number(gradeKey);
      const members = scenario.students.filter((st) => st.pathway === p.id && st.grade === grade).length;
      const seats = cohorts.filter((k) => k.pathway === p.id && k.grade === grade).reduce((sum, k) => sum + k.size, 0);
      for (const c of new Set(list)) cohortSeated.set(c, (cohortSeated.get(c) ?? 0) + Math.min(seats, members));
    }
  }
  const demand = new Map<string, number>();
  for (const st of scenario.students) for (const c of new Set(st.requests)) demand.set(c, (demand.get(c) ?? 0) + 1);
  const regularOf = new Map(
    scenario.courses.map((course) => {
      const seats = getKnown(seatsOf, course.id, 'seats of course');
      const nonCohort = Math.max(0, (demand.get(course.id) ?? 0) - (cohortSeated.get(course.id) ?? 0));
      const cohortSections = cohortSeatsOf.get(course.id) ?? 0;
      return [course.id, { seats, regular: course.sections !== undefined ? Math.max(0, course.sections - cohortSections) : Math.ceil(nonCohort / seats) }];
    }),
  );

  const patternsOf = new Map(scenario.courses.map((c) => [c.id, coursePatterns(scenario.calendar, c)]));
  const groups = groupStudents(
    scenario,
    (student, course) => {
      const grade = String(student.grade);
      const pathway = scenario.pathways.find((p) => p.id === student.pathway);
      return pathway?.cohortCourses[grade]?.includes(course) ?? false;
    },
    // Only regular sections are loaded by counts; a cohort's own sections seat its members whole.
    (course) => (regularOf.get(course)?.regular ?? 0) > 0 && (patternsOf.get(course) ?? []).some((p) => p.slots.length > 1),
    alone,
  );

  const courses = new Map<string, CourseInfo>();
  for (const course of scenario.courses) {
    const { seats, regular } = getKnown(regularOf, course.id, 'regular sections of course');
    const qualified = scenario.teachers.filter((t) => t.courses.includes(course.id)).map((t) => t.id);
    const info: CourseInfo = {
      course,
      patterns: patternsOf.get(course.id) ?? [],
      seats,
      teachers: qualified,
      regularSections: regular,
      ...(course.sections !== undefined ? { fixedSections: course.sections } : {}),
    };
    courses.set(course.id, info);
  }
  return { scenario, slots, courses, teachers, available, cohorts, groups, roomsOfType };
}

/**
 * The cohorts of every pathway grade: ⌈members / cohortSize⌉ of them (SCENARIO.md), each seating
 * at most the cohort size, and no more than every cohort course's section seats (its capacity,
 * or the largest room of its type when that is smaller).
 */
function buildCohorts(scenario: Scenario, capacity: ReadonlyMap<string, number>): CohortInfo[] {
  const cohorts: CohortInfo[] = [];
  for (const p of scenario.pathways) {
    for (const [gradeKey, courses] of Object.entries(p.cohortCourses).sort((a, b) => Number(a[0]) - Number(b[0]))) {
      const grade = Number(gradeKey);
      if (courses.length === 0) continue;
      const members = scenario.students.filter((s) => s.pathway === p.id && s.grade === grade).length;
      const count = Math.ceil(members / p.cohortSize);
      const size = Math.min(p.cohortSize, ...courses.map((c) => capacity.get(c) ?? p.cohortSize));
      for (let n = 1; n <= count; n++) cohorts.push({ id: `${p.id}-${grade}-${n}`, pathway: p.id, grade, number: n, courses, size });
    }
  }
  return cohorts;
}

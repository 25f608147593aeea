/**
 * Sizes no school has, refused before any work with the limit named. Each limit sits well above
 * the largest real schools (DOMAIN.md, "Realistic sizes": 3,200 students, 150 teachers, 350
 * courses, 900 sections, 6–8 periods or 4x4) and below what the engine can build in memory and
 * in the first seconds; the README lists them.
 */
import { coursePatterns } from '../calendar/slots.js';
import type { InputProblem } from './problems.js';
import type { Scenario } from './schema.js';

export const LIMITS = {
  /** Periods in one day (bell schedules have 4–10). */
  periodsPerDay: 20,
  /** Rotation days (A/B has 2; some schools rotate over 6 or 8). */
  days: 10,
  /** Terms in the year (semesters 2, trimesters 3, quarters 4). */
  terms: 6,
  /** Slots: terms × days × periods (4 quarters × 2 days × 10 periods is 80). */
  slots: 240,
  students: 10_000,
  teachers: 2_000,
  courses: 2_000,
  rooms: 2_000,
  pathways: 100,
  requestsPerStudent: 40,
  alternatesPerRequest: 10,
  /** Sections of one course, fixed or derived from its requests. */
  sectionsPerCourse: 300,
  /** Sections of the whole school, cohort sections included (large schools run 600–900). */
  sections: 6_000,
  /**
   * Student placements: every request of every student (and its alternates) times the
   * placements its course may take. It sizes the integer program the engine builds (about one
   * column per placement of a group of identical students). What the benchmark school holds and
   * how long a step of building the program takes at this limit: benchmarks/notes.md, "Input limits".
   */
  studentPlacements: 1_000_000,
  /** Seats of a room or section, students per cohort. */
  seats: 2_000,
  /** Any other count (maxSections, minSize, commonPlanning, A–G years). */
  count: 10_000,
  /** Characters in an id. */
  idLength: 200,
  minTimeLimitSeconds: 0.1,
  maxTimeLimitSeconds: 86_400,
  /** HiGHS takes a 32-bit signed seed. */
  maxSeed: 2_147_483_647,
} as const;

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Limits that depend on several fields (slots, sections, program size), checked once the schema
 * holds and before the cross-reference checks, which would otherwise run on absurd sizes.
 */
export function sizeProblems(s: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  const { terms, days, periods } = s.calendar;
  const slots = terms.length * days.length * periods.length;
  if (slots > LIMITS.slots) {
    problems.push({
      path: 'calendar',
      message: `${terms.length} terms × ${days.length} days × ${periods.length} periods make ${n(slots)} slots; a calendar has at most ${LIMITS.slots} (the engine's limit, above any school)`,
      fix: 'use fewer terms, rotation days or periods (a 4x4 block is 2 terms × 1 day × 4 periods)',
    });
    return problems;
  }

  const patterns = new Map(s.courses.map((c) => [c.id, coursePatterns(s.calendar, c).length]));
  const capacity = new Map(s.courses.map((c) => [c.id, c.capacity]));
  const demand = new Map<string, number>();
  let placements = 0;
  for (const st of s.students) {
    for (const r of st.requests) {
      demand.set(r, (demand.get(r) ?? 0) + 1);
      placements += patterns.get(r) ?? 0;
      for (const a of st.alternates?.[r] ?? []) placements += patterns.get(a) ?? 0;
    }
  }

  // Cohorts per pathway grade, each with one section of every cohort course.
  const members = new Map<string, number>();
  for (const st of s.students) if (st.pathway !== undefined) members.set(`${st.pathway}|${st.grade}`, (members.get(`${st.pathway}|${st.grade}`) ?? 0) + 1);
  const cohortSections = new Map<string, number>();
  for (const p of s.pathways) {
    for (const [g, list] of Object.entries(p.cohortCourses)) {
      const cohorts = Math.ceil((members.get(`${p.id}|${g}`) ?? 0) / p.cohortSize);
      for (const c of list) cohortSections.set(c, (cohortSections.get(c) ?? 0) + cohorts);
    }
  }
  let total = 0;
  s.courses.forEach((c, i) => {
    const derived = Math.ceil((demand.get(c.id) ?? 0) / (capacity.get(c.id) ?? 1));
    const sections = c.sections ?? derived + (cohortSections.get(c.id) ?? 0);
    total += sections;
    if (c.sections === undefined && sections > LIMITS.sectionsPerCourse) {
      problems.push({
        path: `courses[${i}]`,
        message: `course "${c.id}" would need ${n(sections)} sections (${n(demand.get(c.id) ?? 0)} requests at ${c.capacity} seats each); a course has at most ${LIMITS.sectionsPerCourse}`,
        fix: 'check the course capacity and the requests, or fix the count with "sections"',
      });
    }
  });
  if (total > LIMITS.sections) {
    problems.push({
      path: 'courses',
      message: `the courses need ${n(total)} sections in all; a school has at most ${n(LIMITS.sections)} (large schools run 600–900)`,
      fix: 'check course capacities, cohort sizes and fixed section counts',
    });
  }
  if (placements > LIMITS.studentPlacements) {
    problems.push({
      path: 'students',
      message: `${n(s.students.length)} students' requests over ${n(slots)} slots give ${n(placements)} student placements (each request times the placements its course may take); the engine builds at most ${n(LIMITS.studentPlacements)}`,
      fix: 'narrow where courses may meet ("allowedPeriods", "meets"), use fewer slots, or schedule part of the school at a time',
    });
  }
  return problems;
}

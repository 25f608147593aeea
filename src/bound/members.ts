/**
 * The pathway grades of a school as the placement bound sees them: their cohorts as SCENARIO.md
 * allows them, and their members merged into groups that every rule treats alike.
 *
 * A member is placed (SCENARIO.md "Pathways, cohorts, A–G") when every request is met, the
 * cohort courses in one cohort's own sections, and, under `agRule: "on-track"`, they are A–G on
 * track or their requests cannot reach it. The rules here are the checker's (src/checker/
 * standing.ts), not the engine's planning rules: an alternate of another A–G subject counts
 * wherever the student stays on track, and a course may run as many regular sections as its
 * teachers can teach.
 */
import { agMinimum } from '../model/ag.js';
import { AG_SUBJECTS, type AgSubject, type Course, type Scenario, type Student } from '../scenario/schema.js';

/** One non-cohort request of a member: the courses that may meet it. */
export interface MemberLine {
  readonly course: string;
  /** The course and its alternates that exist, are offered to the grade and are not a cohort course. */
  readonly choices: readonly string[];
}

/** Members of one pathway grade that every rule treats alike. */
export interface MemberGroup {
  readonly students: readonly string[];
  readonly lines: readonly MemberLine[];
  /**
   * Years of each A–G subject the member still needs from regular sections to be on track
   * (after their completed years and their cohort courses); empty when the rule does not apply.
   */
  readonly agNeed: ReadonlyMap<AgSubject, number>;
  /** Some request has no course that could meet it, or a cohort course is not requested: never placed. */
  readonly unplaceable: boolean;
}

/** One pathway grade with its members. */
export interface PathwayGrade {
  /** `HEALTH-10`. */
  readonly key: string;
  readonly pathway: string;
  readonly grade: number;
  readonly cohortCourses: readonly string[];
  /** Cohorts SCENARIO.md allows: ⌈members / cohort size⌉ (0 when the grade has no cohort courses). */
  readonly cohorts: number;
  /**
   * Members one cohort can hold: the cohort size, and no more than any cohort course's section
   * seats (its capacity, and its largest room of the type).
   */
  readonly cohortSeats: number;
  readonly members: number;
  readonly groups: readonly MemberGroup[];
}

/** Seats of one section of the course: its capacity, and no more than its largest room of the type. */
export function sectionSeats(scenario: Scenario, course: Course): number {
  const rooms = scenario.rooms.filter((r) => r.type === course.roomType).map((r) => r.capacity);
  return Math.min(course.capacity, Math.max(0, ...rooms));
}

/** Whether the A–G rule binds the student: it is on, and their requests as listed could reach it. */
function agApplies(scenario: Scenario, student: Student, courses: ReadonlyMap<string, Course>): boolean {
  if (scenario.policy.agRule !== 'on-track') return false;
  const requested = new Map<AgSubject, number>();
  for (const id of new Set(student.requests)) {
    const k = courses.get(id)?.ag;
    if (k) requested.set(k, (requested.get(k) ?? 0) + 1);
  }
  return AG_SUBJECTS.every((k) => (student.agCompleted?.[k] ?? 0) + (requested.get(k) ?? 0) >= agMinimum(k, student.grade));
}

/** The school's pathway grades (every grade with members), in pathway then grade order. */
export function pathwayGrades(scenario: Scenario): PathwayGrade[] {
  const courses = new Map(scenario.courses.map((c) => [c.id, c]));
  const out: PathwayGrade[] = [];
  for (const p of scenario.pathways) {
    const grades = [...new Set(scenario.students.filter((s) => s.pathway === p.id).map((s) => s.grade))].sort((a, b) => a - b);
    for (const grade of grades) {
      const members = scenario.students.filter((s) => s.pathway === p.id && s.grade === grade);
      const cohortCourses = [...new Set(p.cohortCourses[String(grade)] ?? [])];
      const own = new Set(cohortCourses);
      const cohortSeats = Math.min(
        p.cohortSize,
        ...cohortCourses.map((c) => {
          const course = courses.get(c);
          return course ? sectionSeats(scenario, course) : 0;
        }),
      );
      const byKey = new Map<string, { students: string[]; group: Omit<MemberGroup, 'students'> }>();
      for (const st of members) {
        const offered = (c: string) => {
          const course = courses.get(c);
          return course !== undefined && (scenario.policy.gradeRule === 'allow' || course.grades.includes(grade));
        };
        const lines: MemberLine[] = st.requests
          .filter((r) => !own.has(r))
          .map((r) => ({ course: r, choices: [...new Set([r, ...(st.alternates?.[r] ?? [])])].filter((c) => offered(c) && !own.has(c)) }))
          .sort((a, b) => (a.course < b.course ? -1 : a.course > b.course ? 1 : 0));
        const unplaceable = lines.some((l) => l.choices.length === 0) || cohortCourses.some((c) => !st.requests.includes(c));
        const agNeed = new Map<AgSubject, number>();
        if (agApplies(scenario, st, courses)) {
          for (const k of AG_SUBJECTS) {
            const fromCohort = cohortCourses.filter((c) => courses.get(c)?.ag === k).length;
            const need = agMinimum(k, grade) - (st.agCompleted?.[k] ?? 0) - fromCohort;
            if (need > 0) agNeed.set(k, need);
          }
        }
        const key = JSON.stringify([lines, [...agNeed], unplaceable]);
        const entry = byKey.get(key);
        if (entry) entry.students.push(st.id);
        else byKey.set(key, { students: [st.id], group: { lines, agNeed, unplaceable } });
      }
      out.push({
        key: `${p.id}-${grade}`,
        pathway: p.id,
        grade,
        cohortCourses,
        cohorts: cohortCourses.length === 0 ? 0 : Math.ceil(members.length / p.cohortSize),
        cohortSeats: Math.max(0, cohortSeats),
        members: members.length,
        groups: [...byKey.values()].map(({ students, group }) => ({ ...group, students: students.sort() })),
      });
    }
  }
  return out;
}

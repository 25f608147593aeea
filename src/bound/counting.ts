/**
 * A counting bound on the members of one pathway grade any valid schedule places, needing no
 * solver: a member is placed only if each request has a course some credentialed teacher can
 * teach in some placement, in a room of its type, and the slots their courses need at the least
 * fit the calendar; and a pathway grade places no more than its cohorts seat, and nobody when a
 * cohort course cannot run. Unlike the engine's planning bound it never looks at planned
 * section counts, which the contract does not impose.
 */
import { allSlots, coursePatterns } from '../calendar/slots.js';
import type { Scenario } from '../scenario/schema.js';
import { sectionSeats, type PathwayGrade } from './members.js';

/** A pathway grade's counting bound and what limits it below its members, if anything. */
export interface CountingBound {
  readonly value: number;
  /** Why the value is below the members, in words (empty when it is not). */
  readonly limits: readonly string[];
}

/** The counting bound of one pathway grade (see the module comment). */
export function countingBound(scenario: Scenario, grade: PathwayGrade): CountingBound {
  const slots = allSlots(scenario.calendar).length;
  const courses = new Map(scenario.courses.map((c) => [c.id, c]));
  /** Fewest slots one section of the course occupies in a placement a teacher can take, or null when none can. */
  const widthOf = new Map<string, number | null>();
  const width = (id: string): number | null => {
    const known = widthOf.get(id);
    if (known !== undefined) return known;
    const course = courses.get(id);
    let best: number | null = null;
    if (course && sectionSeats(scenario, course) > 0) {
      const teachers = scenario.teachers.filter((t) => t.maxSections > 0 && t.courses.includes(id));
      for (const p of coursePatterns(scenario.calendar, course)) {
        if (teachers.some((t) => p.slots.every((s) => !(t.unavailable ?? []).includes(s)))) best = Math.min(best ?? Infinity, p.slots.length);
      }
    }
    widthOf.set(id, best);
    return best;
  };
  const limits: string[] = [];
  const blocked = grade.cohortCourses.filter((c) => width(c) === null);
  if (grade.cohorts > 0 && blocked.length > 0) return { value: 0, limits: [`no teacher can take any placement of ${blocked.join(', ')}`] };
  const cohortSlots = grade.cohortCourses.reduce((sum, c) => sum + (width(c) ?? 0), 0);
  let placeable = 0;
  let noCourse = 0;
  let noTime = 0;
  for (const g of grade.groups) {
    const widths = g.lines.map((l) => Math.min(...l.choices.map((c) => width(c) ?? Infinity)));
    if (g.unplaceable || widths.some((w) => !Number.isFinite(w))) noCourse += g.students.length;
    else if (cohortSlots + widths.reduce((a, b) => a + b, 0) > slots) noTime += g.students.length;
    else placeable += g.students.length;
  }
  if (noCourse > 0) limits.push(`${noCourse} with a request no section can meet`);
  if (noTime > 0) limits.push(`${noTime} whose requests need more slots than the calendar has`);
  const seats = grade.cohorts === 0 ? Infinity : grade.cohorts * grade.cohortSeats;
  if (seats < placeable) limits.push(`${grade.cohorts} cohort${grade.cohorts === 1 ? '' : 's'} of ${grade.cohortSeats} seats`);
  return { value: Math.min(placeable, seats), limits };
}

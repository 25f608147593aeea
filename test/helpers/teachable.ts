/**
 * Keeps a generated school valid input: parse refuses a course that students request (or that
 * has a fixed section count) when every credentialed teacher has `maxSections` 0 or is
 * unavailable in every placement of the course (src/scenario/impossible.ts, issue 12 item 6).
 * Written again here from that rule, with the test's own placements (school-time.ts), so that
 * a generator does not lean on the code it tests; test/helpers/random-school.test.ts asserts that every
 * generated school parses.
 */
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { placementsOf } from './school-time.js';

/**
 * For each course that needs a teacher and has none able to take a section, the smallest repair:
 * of its credentialed teachers and placements, the pair giving back the fewest unavailable slots
 * (first in list order on ties) gets those slots back, and `maxSections` at least 1. Edits `s`.
 */
export function keepCoursesTeachable(s: ScenarioInput): void {
  const wanted = new Set(s.students.flatMap((st) => st.requests));
  for (const c of s.courses) {
    if (!wanted.has(c.id) && !(c.sections !== undefined && c.sections > 0)) continue;
    const credentialed = s.teachers.filter((t) => t.courses.includes(c.id));
    const placements = placementsOf(s.calendar, c);
    // A course no one is credentialed for, or with no placement, is another input problem.
    if (credentialed.length === 0 || placements.length === 0) continue;
    const blocked = (t: (typeof credentialed)[number], p: readonly string[]) => p.filter((x) => (t.unavailable ?? []).includes(x));
    if (credentialed.some((t) => t.maxSections >= 1 && placements.some((p) => blocked(t, p).length === 0))) continue;
    let repair: { teacher: (typeof credentialed)[number]; placement: string[]; cost: number } | null = null;
    for (const teacher of credentialed) {
      for (const placement of placements) {
        const cost = blocked(teacher, placement).length + (teacher.maxSections < 1 ? 1 : 0);
        if (repair === null || cost < repair.cost) repair = { teacher, placement, cost };
      }
    }
    // Both lists are non-empty (checked above), so the loops chose a pair.
    if (repair === null) throw new Error(`keepCoursesTeachable: no repair found for ${c.id}`);
    const { teacher, placement } = repair;
    teacher.maxSections = Math.max(1, teacher.maxSections);
    const unavailable = (teacher.unavailable ?? []).filter((x) => !placement.includes(x));
    if (unavailable.length > 0) teacher.unavailable = unavailable;
    else delete teacher.unavailable;
  }
}

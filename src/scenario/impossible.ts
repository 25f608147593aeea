/**
 * Data no schedule can honour, named as input problems before any solve: slot names that two
 * slots share, and courses students request that no teacher is able to take. (Rules that cannot
 * all hold together, such as prep or common planning time against part-time availability, are
 * the solve's infeasibility diagnosis; these are facts wrong in themselves.)
 */
import { allSlots, coursePatterns, type Pattern } from '../calendar/slots.js';
import type { InputProblem } from './problems.js';
import type { Scenario, Teacher } from './schema.js';

/** Terms, days and periods whose names join into the same slot name (`A`+`1.1` and `A.1`+`1`). */
export function ambiguousSlotProblems(s: Scenario): InputProblem[] {
  const seen = new Map<string, { term: string; day: string; period: string }>();
  const problems: InputProblem[] = [];
  for (const slot of allSlots(s.calendar)) {
    const first = seen.get(slot.name);
    if (!first) {
      seen.set(slot.name, slot);
      continue;
    }
    const parts = (x: { term: string; day: string; period: string }) =>
      [
        s.calendar.terms.length > 1 ? `term "${x.term}"` : '',
        s.calendar.days.length > 1 || s.calendar.terms.length > 1 ? `day "${x.day}"` : '',
        `period "${x.period}"`,
      ]
        .filter(Boolean)
        .join(', ');
    problems.push({
      path: 'calendar',
      message: `two slots are both named "${slot.name}": ${parts(first)} and ${parts(slot)}`,
      fix: 'rename terms, days or periods so that joining them with "." gives distinct names (e.g. avoid "." inside names)',
    });
  }
  return problems;
}

/** Why a credentialed teacher can take no section of a course, or null when they can. */
function unableReason(t: Teacher, patterns: readonly Pattern[], available: ReadonlySet<string>): string | null {
  if (t.maxSections < 1) return `${t.id} has maxSections 0`;
  if (!patterns.some((p) => p.slots.every((slot) => available.has(slot)))) return `${t.id} is unavailable in every placement of the course`;
  return null;
}

/**
 * Courses that students request (or that have a fixed section count) while every credentialed
 * teacher is unable to take a section: maxSections 0, or unavailable in every placement. (A
 * teacher who could teach only by giving up their prep is left to the solve: it is a rule of the
 * schedule, which the infeasibility diagnosis names, not a fact wrong in itself.) A course nobody
 * is credentialed for is reported by the reference checks.
 */
export function untaughtCourseProblems(s: Scenario): InputProblem[] {
  const slots = allSlots(s.calendar);
  const availability = new Map(
    s.teachers.map((t) => {
      const off = new Set(t.unavailable ?? []);
      return [t.id, new Set(slots.filter((x) => !off.has(x.name)).map((x) => x.name))] as const;
    }),
  );
  const requests = new Map<string, number>();
  for (const st of s.students) for (const c of st.requests) requests.set(c, (requests.get(c) ?? 0) + 1);
  const problems: InputProblem[] = [];
  s.courses.forEach((c, i) => {
    const wanted = requests.get(c.id) ?? 0;
    const fixedSections = c.sections ?? 0;
    if (wanted === 0 && fixedSections <= 0) return;
    const qualified = s.teachers.filter((t) => t.courses.includes(c.id));
    if (qualified.length === 0) return;
    const patterns = coursePatterns(s.calendar, c);
    if (patterns.length === 0) return;
    const reasons: string[] = [];
    for (const t of qualified) {
      const available = availability.get(t.id);
      const reason = available ? unableReason(t, patterns, available) : null;
      if (reason === null) return;
      reasons.push(reason);
    }
    const shown = reasons.slice(0, 4).join('; ') + (reasons.length > 4 ? `; and ${reasons.length - 4} more` : '');
    problems.push({
      path: `courses[${i}]`,
      message: `no teacher is able to take a section of course "${c.id}" (${c.name})${wanted > 0 ? `, which ${wanted} student${wanted === 1 ? '' : 's'} request` : `, which has "sections": ${fixedSections}`}: ${shown}`,
      fix: `raise the maxSections of a teacher credentialed for "${c.id}", make them available in a slot the course can use, or add "${c.id}" to another teacher's "courses"`,
    });
  });
  return problems;
}

/** Every impossible-data problem of a scenario whose ids and references are sound. */
export function impossibleDataProblems(s: Scenario): InputProblem[] {
  const ambiguous = ambiguousSlotProblems(s);
  // With two slots of one name, availability and placements cannot be read reliably.
  if (ambiguous.length > 0) return ambiguous;
  return untaughtCourseProblems(s);
}

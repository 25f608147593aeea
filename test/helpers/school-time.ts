/**
 * Slots and placements as SCENARIO.md ("Time") defines them, written again for the test oracles
 * so that they share no code with the engine's calendar (src/calendar/slots.ts) or the checker's.
 */
import type { Calendar, Course } from '../../src/scenario/schema.js';

/** `TERM.DAY.PERIOD`, `DAY.PERIOD` when there is one term, `PERIOD` when there is also one day. */
export function slotOf(calendar: Calendar, term: string, day: string, period: string): string {
  if (calendar.terms.length > 1) return `${term}.${day}.${period}`;
  if (calendar.days.length > 1) return `${day}.${period}`;
  return period;
}

/** Every slot of the calendar. */
export function slotsOf(calendar: Calendar): string[] {
  return calendar.terms.flatMap((t) => calendar.days.flatMap((d) => calendar.periods.map((p) => slotOf(calendar, t, d, p))));
}

/** The term of a slot, by position in `calendar.terms`. */
export function termOf(calendar: Calendar, slot: string): string {
  return calendar.terms.length > 1 ? slot.split('.')[0]! : calendar.terms[0]!;
}

/**
 * Every set of slots one section of the course may occupy: one or two consecutive allowed
 * periods (same day, same term), on one day or every day, in one term or every term.
 */
export function placementsOf(calendar: Calendar, course: Pick<Course, 'meets' | 'allowedPeriods'>): string[][] {
  const allowed = new Set(course.allowedPeriods ?? calendar.periods);
  const termSets = course.meets.terms === 'all' ? [calendar.terms] : calendar.terms.map((t) => [t]);
  const daySets = course.meets.days === 'all' ? [calendar.days] : calendar.days.map((d) => [d]);
  const starts: string[][] = [];
  calendar.periods.forEach((_, i) => {
    const run = calendar.periods.slice(i, i + course.meets.periods);
    if (run.length === course.meets.periods && run.every((q) => allowed.has(q))) starts.push(run);
  });
  const out: string[][] = [];
  for (const terms of termSets)
    for (const days of daySets) for (const run of starts) out.push(terms.flatMap((t) => days.flatMap((d) => run.map((q) => slotOf(calendar, t, d, q)))));
  return out;
}

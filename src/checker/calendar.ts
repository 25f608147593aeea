/**
 * Slot names and valid placements, derived a second time from SCENARIO.md "Time" so that the
 * checker does not trust the calendar code the model builder uses. Where the builder
 * enumerates patterns, this module reads a section's slots back into terms, days and periods
 * and tests their shape.
 */
import type { Calendar, Course } from '../scenario/schema.js';

/** Where a slot sits: indexes into the calendar's terms, days and periods. */
export interface SlotPosition {
  readonly term: number;
  readonly day: number;
  readonly period: number;
}

/** Every slot name of the calendar and its position. */
export function slotPositions(calendar: Calendar): Map<string, SlotPosition> {
  const table = new Map<string, SlotPosition>();
  const { terms, days, periods } = calendar;
  terms.forEach((t, term) => {
    days.forEach((d, day) => {
      periods.forEach((p, period) => {
        // One term drops the term; one term and one day drops the day too.
        const name = terms.length > 1 ? `${t}.${d}.${p}` : days.length > 1 ? `${d}.${p}` : p;
        table.set(name, { term, day, period });
      });
    });
  });
  return table;
}

/**
 * Why `slots` is not one valid placement of the course, or undefined when it is: the slots
 * must be exactly every combination of the chosen terms, days and consecutive periods.
 */
export function placementFault(
  calendar: Calendar,
  positions: ReadonlyMap<string, SlotPosition>,
  course: Pick<Course, 'meets' | 'allowedPeriods'>,
  slots: readonly string[],
): string | undefined {
  const unknown = slots.filter((s) => !positions.has(s));
  if (unknown.length > 0) return `${unknown.map((s) => `"${s}"`).join(', ')} ${unknown.length === 1 ? 'is not a slot' : 'are not slots'} of the calendar`;
  const seen = new Set<string>();
  for (const s of slots) {
    if (seen.has(s)) return `slot ${s} is listed twice`;
    seen.add(s);
  }
  const terms = new Set<number>();
  const days = new Set<number>();
  const periods = new Set<number>();
  for (const s of slots) {
    const at = positions.get(s);
    if (!at) continue;
    terms.add(at.term);
    days.add(at.day);
    periods.add(at.period);
  }
  const { meets } = course;
  const termsWanted = meets.terms === 'all' ? calendar.terms.length : 1;
  if (terms.size !== termsWanted)
    return meets.terms === 'all'
      ? `it must run in every term (${calendar.terms.join(', ')}), found ${terms.size}`
      : `it must run in one term, found ${terms.size}`;
  const daysWanted = meets.days === 'all' ? calendar.days.length : 1;
  if (days.size !== daysWanted)
    return meets.days === 'all' ? `it must meet on every day (${calendar.days.join(', ')}), found ${days.size}` : `it must meet on one day, found ${days.size}`;
  const ordered = [...periods].sort((a, b) => a - b);
  const first = ordered[0] ?? 0;
  const last = ordered[ordered.length - 1] ?? 0;
  if (ordered.length !== meets.periods || last - first !== meets.periods - 1) {
    return meets.periods === 2 ? 'a double period needs two consecutive periods' : `it meets in one period, found ${ordered.length}`;
  }
  if (slots.length !== terms.size * days.size * periods.size) return 'the same period must be used on every day and in every term it meets';
  if (course.allowedPeriods) {
    const allowed = new Set(course.allowedPeriods);
    const outside = ordered.map((i) => calendar.periods[i] ?? '').filter((p) => !allowed.has(p));
    if (outside.length > 0) return `period ${outside.join(', ')} is not among its allowed periods (${course.allowedPeriods.join(', ')})`;
  }
  return undefined;
}

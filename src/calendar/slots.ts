/**
 * Time on the board: slots and the slot patterns a section may occupy.
 * A slot is one period on one day in one term, written `TERM.DAY.PERIOD`, dropping the term
 * when there is one term and the day too when there is also one day (SCENARIO.md, "Time").
 */
import type { Calendar, Course } from '../scenario/schema.js';

/** One slot of the calendar. */
export interface Slot {
  readonly name: string;
  readonly term: string;
  readonly day: string;
  readonly period: string;
  /** Position of the period in the bell order, from 0. */
  readonly periodIndex: number;
}

/** The set of slots one section of a course occupies. */
export interface Pattern {
  /** Stable, readable key such as `A.2`, `A.2+A.3`, or `D.1` for a every-day period. */
  readonly key: string;
  readonly slots: readonly string[];
}

/** The name of the slot at a term, day and period of this calendar. */
export function slotName(calendar: Calendar, term: string, day: string, period: string): string {
  if (calendar.terms.length > 1) return `${term}.${day}.${period}`;
  if (calendar.days.length > 1) return `${day}.${period}`;
  return period;
}

/** Every slot of the calendar, term-major, then day, then bell order. */
export function allSlots(calendar: Calendar): Slot[] {
  const slots: Slot[] = [];
  for (const term of calendar.terms) {
    for (const day of calendar.days) {
      calendar.periods.forEach((period, periodIndex) => {
        slots.push({ name: slotName(calendar, term, day, period), term, day, period, periodIndex });
      });
    }
  }
  return slots;
}

/** Looks a slot up by name; undefined when the calendar has no such slot. */
export function slotByName(calendar: Calendar): ReadonlyMap<string, Slot> {
  return new Map(allSlots(calendar).map((s) => [s.name, s]));
}

/**
 * Every placement the calendar allows for one section of the course: each choice of term(s),
 * day(s) and starting period that `meets` and `allowedPeriods` permit. Empty when the calendar
 * cannot hold the course (for example a double period in a one-period day).
 */
export function coursePatterns(calendar: Calendar, course: Pick<Course, 'meets' | 'allowedPeriods'>): Pattern[] {
  const allowed = new Set(course.allowedPeriods ?? calendar.periods);
  const termChoices = course.meets.terms === 'all' ? [calendar.terms] : calendar.terms.map((t) => [t]);
  const dayChoices = course.meets.days === 'all' ? [calendar.days] : calendar.days.map((d) => [d]);
  const width = course.meets.periods;
  const patterns: Pattern[] = [];
  for (const terms of termChoices) {
    for (const days of dayChoices) {
      for (let start = 0; start + width <= calendar.periods.length; start++) {
        const periods = calendar.periods.slice(start, start + width);
        if (!periods.every((p) => allowed.has(p))) continue;
        const slots: string[] = [];
        for (const term of terms) for (const day of days) for (const p of periods) slots.push(slotName(calendar, term, day, p));
        patterns.push({ key: slots.join('+'), slots });
      }
    }
  }
  return patterns;
}

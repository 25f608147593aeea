/**
 * The bell schedules the generator builds, and what each implies for courses, students and
 * teachers: how a course meets, how many course-slots a student holds, a full teaching load,
 * and which slots a part-time CTE teacher is away.
 */
import type { Calendar, Meets } from '../scenario/schema.js';
import type { GeneratedCalendar } from './options.js';
import type { Random } from './random.js';

export interface CalendarShape {
  readonly calendar: Calendar;
  /** Human label used in default scenario names. */
  readonly label: string;
  /** Slots in the whole year (8 for A/B and 4x4, N for an N-period day). */
  readonly slots: number;
  /** How an ordinary course meets. */
  readonly meets: Meets;
  /** How a pathway CTE lab meets: a double period in traditional days, a single block otherwise. */
  readonly cteMeets: Meets;
  /** Sections a full-time teacher teaches (the rest of the slots are prep). */
  readonly fullLoad: number;
  /** Share of full-time teachers with one section fewer (a period of release time). */
  readonly reducedShare: number;
  /** Slots a part-time teacher does not work: the last period(s) of a day. */
  partTimeUnavailable(rng: Random): string[];
}

const single = (days: Meets['days'], terms: Meets['terms']): Meets => ({ periods: 1, days, terms });
const periods = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

function traditional(n: number): CalendarShape {
  return {
    calendar: { terms: ['Y'], days: ['D'], periods: periods(n) },
    label: `${n}-period day`,
    slots: n,
    meets: single('all', 'all'),
    // A 6-period day's periods are long enough for a lab, and a double would take a third of it;
    // 7- and 8-period days run CTE labs as double periods.
    cteMeets: n <= 6 ? single('all', 'all') : { periods: 2, days: 'all', terms: 'all' },
    fullLoad: n - 1,
    reducedShare: n === 7 ? 0.25 : 0,
    // Part-time CTE staff often come from industry and leave before the end of the day.
    partTimeUnavailable: (rng) => (rng.chance(0.5) ? [String(n)] : [String(n - 1), String(n)]),
  };
}

/** The shape of one of the generator's calendars. */
export function calendarShape(kind: GeneratedCalendar): CalendarShape {
  switch (kind) {
    case 'ab8':
      return {
        calendar: { terms: ['Y'], days: ['A', 'B'], periods: periods(4) },
        label: 'A/B 8-block',
        slots: 8,
        meets: single('one', 'all'),
        // A block is already long: CTE labs fit in one.
        cteMeets: single('one', 'all'),
        fullLoad: 6,
        reducedShare: 0,
        partTimeUnavailable: (rng) => (rng.chance(0.5) ? ['B.4'] : ['B.3', 'B.4']),
      };
    case '4x4':
      return {
        calendar: { terms: ['F', 'S'], days: ['D'], periods: periods(4) },
        label: '4x4 block',
        slots: 8,
        meets: single('all', 'one'),
        cteMeets: single('all', 'one'),
        fullLoad: 6,
        reducedShare: 0,
        partTimeUnavailable: (rng) => (rng.chance(0.5) ? ['F.D.4', 'S.D.4'] : ['S.D.3', 'S.D.4']),
      };
    case 'trad6':
      return traditional(6);
    case 'trad7':
      return { ...traditional(7), label: '7-period day with double-period CTE labs' };
    case 'trad8':
      return { ...traditional(8), fullLoad: 6 };
  }
}

/** Slots one section occupies under `meets` in this calendar (a student's or teacher's cost). */
export function slotsPerSection(calendar: Calendar, meets: Meets): number {
  const days = meets.days === 'all' ? calendar.days.length : 1;
  const terms = meets.terms === 'all' ? calendar.terms.length : 1;
  return meets.periods * days * terms;
}

/** Course-slots a student can hold in a year, in units of one ordinary section. */
export function studentCapacity(shape: CalendarShape): number {
  return shape.slots / slotsPerSection(shape.calendar, shape.meets);
}

/**
 * A section's time as SIS exports write it, read into calendar terms: PowerSchool expressions
 * (`1-2(A-E)`, `1(A) 1(B)`), a period with a block length (Aeries `PD` + `BL`) or an end period
 * (Synergy `PERIOD_BEGIN`/`PERIOD_END`), a day code, and a term code; and from the placement,
 * the course's `meets` and a lock slot. Codes go through the mapping's `values.periods`,
 * `values.days` and `values.terms`, else they must be the calendar's own names.
 */
import { slotName } from '../calendar/slots.js';
import type { Calendar, Meets } from '../scenario/schema.js';
import { lookupValue } from './sis-values.js';

/** Code dictionaries of the mapping for time. */
export interface TimeCodes {
  readonly periods?: Readonly<Record<string, string>> | undefined;
  readonly days?: Readonly<Record<string, string>> | undefined;
  readonly terms?: Readonly<Record<string, string>> | undefined;
}

/** Where a section meets: consecutive periods in bell order, on these days (calendar order). */
export interface Meeting {
  readonly periods: readonly string[];
  readonly days: readonly string[];
}

/** A result or the expected form of what could not be read. */
export type Read<T> = { ok: true; value: T } | { ok: false; expected: string };
const fail = <T>(expected: string): Read<T> => ({ ok: false, expected });
const ok = <T>(value: T): Read<T> => ({ ok: true, value });

/** Reads the calendar-relative codes of one export. */
export class CalendarCodes {
  constructor(
    readonly calendar: Calendar,
    private readonly codes: TimeCodes,
  ) {}

  /** A `#n` reference to the n-th item of a list, or the item itself when listed. */
  private named(list: readonly string[], value: string): string | undefined {
    const m = /^#(\d+)$/.exec(value.trim());
    if (m) return list[Number(m[1]) - 1];
    return list.find((x) => x === value) ?? list.find((x) => x.toLowerCase() === value.trim().toLowerCase());
  }

  /** The calendar period a period code stands for. */
  period(code: string): string | undefined {
    const mapped = this.codes.periods ? lookupValue(this.codes.periods, code) : undefined;
    return this.named(this.calendar.periods, mapped ?? code);
  }

  /** The calendar days a day code stands for (`all` = every day). */
  days(code: string): string[] | undefined {
    const mapped = this.codes.days ? lookupValue(this.codes.days, code) : undefined;
    const value = mapped ?? code;
    if (value.trim().toLowerCase() === 'all') return [...this.calendar.days];
    const day = this.named(this.calendar.days, value);
    return day === undefined ? undefined : [day];
  }

  /** The calendar terms a term code stands for (`year` = every term). */
  terms(code: string): string[] | undefined {
    const mapped = this.codes.terms ? lookupValue(this.codes.terms, code) : undefined;
    const value = mapped ?? code;
    if (value.trim().toLowerCase() === 'year') return [...this.calendar.terms];
    const term = this.named(this.calendar.terms, value);
    return term === undefined ? undefined : [term];
  }

  /** Periods from `from` to `to` inclusive in bell order. */
  periodRange(from: string, to: string): string[] | undefined {
    const a = this.calendar.periods.indexOf(from);
    const b = this.calendar.periods.indexOf(to);
    return a < 0 || b < a ? undefined : this.calendar.periods.slice(a, b + 1);
  }

  private dayRange(from: string, to: string): string[] | undefined {
    const [a] = this.days(from) ?? [];
    const [b] = this.days(to) ?? [];
    if (a === undefined || b === undefined) return undefined;
    const i = this.calendar.days.indexOf(a);
    const j = this.calendar.days.indexOf(b);
    return j < i ? undefined : this.calendar.days.slice(i, j + 1);
  }

  /** The calendar's codes as a person would type them (periods in bell order), for messages. */
  get periodHint(): string {
    const dict = this.codes.periods;
    if (!dict) return this.calendar.periods.join(', ');
    // Integer-like keys ("3") come first in a JS object: list them in bell order instead.
    const bell = (k: string) => this.calendar.periods.indexOf(dict[k] ?? '');
    return Object.keys(dict)
      .sort((a, b) => bell(a) - bell(b))
      .join(', ');
  }

  get dayHint(): string {
    return this.codes.days ? Object.keys(this.codes.days).join(', ') : this.calendar.days.join(', ');
  }

  get termHint(): string {
    return this.codes.terms ? Object.keys(this.codes.terms).join(', ') : this.calendar.terms.join(', ');
  }

  /**
   * A PowerSchool-style expression: meetings `periods(days)` separated by spaces, periods `P` or
   * `P-Q`, days `D`, `D-E` or comma lists of those; no days = every day. Empty = not placed.
   */
  expression(text: string): Read<Meeting[]> {
    const expected = `meetings like 1(A), 1-2(A-E) or 1(A) 3(B), with periods from ${this.periodHint} and days from ${this.dayHint}`;
    const meetings: Meeting[] = [];
    for (const part of text
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')) {
      const m = /^([^()]+?)(?:\(([^()]*)\))?$/.exec(part);
      if (!m) return fail(expected);
      const [from, to] = (m[1] ?? '').split('-');
      const pFrom = from === undefined ? undefined : this.period(from);
      const pTo = to === undefined ? pFrom : this.period(to);
      const periods = pFrom !== undefined && pTo !== undefined ? this.periodRange(pFrom, pTo) : undefined;
      if (!periods) return fail(expected);
      let days: string[] = [...this.calendar.days];
      if (m[2] !== undefined) {
        const listed = new Set<string>();
        for (const item of m[2].split(',')) {
          const [d1, d2] = item.trim().split('-');
          const range = d1 === undefined ? undefined : d2 === undefined ? this.days(d1) : this.dayRange(d1, d2);
          if (!range) return fail(expected);
          for (const d of range) listed.add(d);
        }
        days = this.calendar.days.filter((d) => listed.has(d));
      }
      meetings.push({ periods, days });
    }
    return ok(meetings);
  }

  /** A period with an optional block length or end period, and an optional day code. Empty period = not placed. */
  periodCells(period: string, block: string | undefined, end: string | undefined, day: string | undefined): Read<Meeting[]> {
    if (period.trim() === '') return ok([]);
    const start = this.period(period);
    if (start === undefined) return fail(`a period from ${this.periodHint}`);
    let last = start;
    if (end !== undefined && end.trim() !== '') {
      const e = this.period(end);
      if (e === undefined) return fail(`an end period from ${this.periodHint}`);
      last = e;
    } else if (block !== undefined && block.trim() !== '') {
      const n = Number(block);
      const at = this.calendar.periods.indexOf(start);
      const to = this.calendar.periods[at + n - 1];
      if (!Number.isInteger(n) || n < 1 || to === undefined)
        return fail(`a block length from 1 that ends within the day (periods ${this.calendar.periods.join(', ')})`);
      last = to;
    }
    const periods = this.periodRange(start, last);
    if (!periods) return fail(`an end period at or after the start, from ${this.periodHint}`);
    const days = day === undefined || day.trim() === '' ? [...this.calendar.days] : this.days(day);
    if (!days) return fail(`a day from ${this.dayHint}, or all`);
    return ok([{ periods, days }]);
  }
}

/** Where one section meets, with the terms its rows name (undefined: no term given). */
export interface Placement {
  readonly periods: readonly string[];
  readonly days: readonly string[];
  readonly terms: readonly string[] | undefined;
}

/**
 * Joins the meetings of one section (from one or several rows) into one placement. The scenario's
 * sections meet in the same periods on each of their days, so meetings in different periods are
 * an error.
 */
export function joinMeetings(calendar: Calendar, meetings: readonly Meeting[], terms: readonly string[] | undefined): Read<Placement> | undefined {
  if (meetings.length === 0) return undefined;
  // Periods of each day (one row per period and day, as Infinite Campus writes placements).
  const byDay = new Map<string, Set<string>>();
  for (const m of meetings) for (const d of m.days) for (const p of m.periods) (byDay.get(d) ?? byDay.set(d, new Set()).get(d))?.add(p);
  const days = calendar.days.filter((d) => byDay.has(d));
  const periods = calendar.periods.filter((p) => byDay.get(days[0] ?? '')?.has(p));
  const key = periods.join('+');
  if (days.some((d) => calendar.periods.filter((p) => byDay.get(d)?.has(p)).join('+') !== key)) {
    return fail('the same period(s) on every day it meets (a section meeting in different periods on different days cannot be expressed)');
  }
  const first = calendar.periods.indexOf(periods[0] ?? '');
  if (periods.some((p, i) => calendar.periods.indexOf(p) !== first + i))
    return fail('consecutive periods (a section meeting in separate periods of one day cannot be expressed)');
  return ok({ periods, days, terms });
}

/** The `meets` a placement implies, or the expected form when the scenario cannot express it. */
export function placementShape(calendar: Calendar, p: Placement): Read<Partial<Meets>> {
  if (p.periods.length > 2) return fail('one period or a double period (the scenario has no longer blocks)');
  const shape: { periods: 1 | 2; days?: Meets['days']; terms?: Meets['terms'] } = { periods: p.periods.length === 2 ? 2 : 1 };
  if (p.days.length === calendar.days.length) shape.days = 'all';
  else if (p.days.length === 1) shape.days = 'one';
  else return fail(`one rotation day or all ${calendar.days.length} (a section on ${p.days.length} of them cannot be expressed)`);
  if (p.terms !== undefined) {
    if (p.terms.length === calendar.terms.length) shape.terms = 'all';
    else if (p.terms.length === 1) shape.terms = 'one';
    else return fail(`one term or the whole year (a section in ${p.terms.length} of ${calendar.terms.length} terms cannot be expressed)`);
  }
  return ok(shape);
}

/** The slot a lock names for a placement: its first term, day and period. */
export function lockSlot(calendar: Calendar, p: Placement): string {
  return slotName(calendar, p.terms?.[0] ?? calendar.terms[0] ?? '', p.days[0] ?? calendar.days[0] ?? '', p.periods[0] ?? '');
}

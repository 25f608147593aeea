/** Numbers as the report prints them: fixed decimals, no locale, so output is the same everywhere. */
import type { Tally } from '../solution/schema.js';

/** `95.0%`, or `n/a` when there is nothing to count. */
export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;
}

/** `57 of 60 (95.0%)`. */
export function ofTotal(t: Tally): string {
  return `${t.count} of ${t.total} (${percent(t.share)})`;
}

/** A number with at most `digits` decimals, or `–` when absent. */
export function decimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

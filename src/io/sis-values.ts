/**
 * Value dictionaries of an SIS mapping: an export's code (`10`, `S1`, `3401`, `Required`) → the
 * scenario's value. Keys match case-insensitively; a key with `*` matches any characters there
 * (PowerSchool term ids `*01`); a key `lo-hi` of two whole numbers matches a number in that
 * range (PowerSchool load priorities `1-10`).
 */

const RANGE = /^\s*(-?\d+)\s*-\s*(-?\d+)\s*$/;

function globMatches(pattern: string, value: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'i').test(value);
}

/**
 * The value `raw` maps to: an exact key first (ignoring case and surrounding spaces), then the
 * first wildcard key that matches, then the first numeric range holding it; undefined if none.
 */
export function lookupValue<T>(dictionary: Readonly<Record<string, T>>, raw: string): T | undefined {
  const value = raw.trim();
  const keys = Object.keys(dictionary);
  const exact = keys.find((k) => k.trim().toLowerCase() === value.toLowerCase());
  if (exact !== undefined) return dictionary[exact];
  const glob = keys.find((k) => k.includes('*') && globMatches(k.trim(), value));
  if (glob !== undefined) return dictionary[glob];
  const n = Number(value);
  if (value !== '' && Number.isFinite(n)) {
    const range = keys.find((k) => {
      const m = RANGE.exec(k);
      return m !== null && n >= Number(m[1]) && n <= Number(m[2]);
    });
    if (range !== undefined) return dictionary[range];
  }
  return undefined;
}

/** The keys of a dictionary as a person reads them: `one of 10, 20, 30`. */
export function keysText(dictionary: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(dictionary);
  return keys.length === 0 ? 'a value listed in the mapping' : `one of ${keys.map((k) => (k === '' ? '(empty)' : k)).join(', ')}`;
}

/** Cell values read as "yes" by flag columns (CTE, locked) unless the mapping lists its own. */
export const YES_VALUES = ['1', 'y', 'yes', 'true', 't', 'x'] as const;

/** Whether a flag cell says yes: one of `yes` (case-insensitive). */
export function isYes(raw: string, yes: readonly string[] = YES_VALUES): boolean {
  const v = raw.trim().toLowerCase();
  return v !== '' && yes.some((y) => y.toLowerCase() === v);
}

/**
 * Values the test helpers know are there (a key set a few lines up), written so that a broken
 * assumption throws with its reason instead of running on with `undefined`. Map lookups use
 * src/map-entry.ts's `getKnown`.
 */

/** `value` itself when it is there; throws with `reason` when it is undefined or null. */
export function present<T>(value: T | undefined | null, reason: string): T {
  if (value === undefined || value === null) throw new Error(reason);
  return value;
}

/**
 * Lookups the test helpers know succeed (an id taken from the same valid scenario, a key set a
 * few lines up), written so that a broken assumption throws with its reason instead of running on
 * with `undefined`.
 */

/** The value `map` holds for `key`; throws naming `what` and the key when there is none. */
export function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`${what} ${String(key)} is missing`);
  return value;
}

/** `value` itself when it is there; throws with `reason` when it is undefined or null. */
export function present<T>(value: T | undefined | null, reason: string): T {
  if (value === undefined || value === null) throw new Error(reason);
  return value;
}

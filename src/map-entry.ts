/**
 * The value a map holds for a key, inserting `make()` first when the key is missing: the grouping
 * idiom `(m.get(k) ?? m.set(k, []).get(k)!)` without a non-null assertion. (`Map.prototype.getOrInsertComputed`
 * is the standard version, not yet in Node 20.)
 */
export function getOrInsert<K, V>(map: Map<K, V>, key: K, make: () => NoInfer<V>): V {
  const held = map.get(key);
  if (held !== undefined) return held;
  const value = make();
  map.set(key, value);
  return value;
}

/**
 * The value a map holds for a key the caller's own construction put there (every teacher has an
 * availability, every course id of a validated scenario a course). A missing key is a broken
 * invariant, not bad input, so it throws naming `what` and the key instead of carrying `undefined`.
 */
export function getKnown<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const held = map.get(key);
  if (held === undefined) throw new Error(`${what} ${String(key)} is missing: the map was built without it`);
  return held;
}

/**
 * The value a map holds for a key, inserting `make()` first when the key is missing: the grouping
 * idiom `(m.get(k) ?? m.set(k, []).get(k)!)` without a non-null assertion. (`Map.prototype.getOrInsertComputed`
 * is the standard version, not yet in Node 20.)
 */
export function getOrInsert<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const held = map.get(key);
  if (held !== undefined) return held;
  const value = make();
  map.set(key, value);
  return value;
}

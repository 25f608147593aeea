/**
 * Near matches for a name a person typed or an export spelt differently: the same name in
 * another case or with other separators, or one a few edits away. Used to say "column X is
 * missing; the file has x_, X1" instead of only "missing".
 */

/** Lower case without spaces, underscores, dots or hyphens: `Course_Number` ~ `course number`. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

/** Levenshtein edit distance (insertions, deletions, substitutions), O(|a|·|b|). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidates close to `wanted`, best first: equal once case and separators are ignored;
 * then one starting with the other, or holding the other when it is at least two thirds as long
 * (`SMS` ~ `SMS_export`); then within an edit distance of max(2, a third of the name) on the
 * folded names. `key` gives the part of a candidate to compare (a file's stem). At most `limit`
 * are returned.
 */
export function nearMatches(wanted: string, candidates: readonly string[], limit = 3, key: (name: string) => string = (n) => n): string[] {
  const w = foldName(key(wanted));
  const allowed = Math.max(2, Math.floor(w.length / 3));
  return candidates
    .filter((c) => c !== wanted)
    .map((c) => {
      const f = foldName(key(c));
      const [short, long] = f.length <= w.length ? [f, w] : [w, f];
      const contains = short.length >= 3 && (long.startsWith(short) || (long.includes(short) && short.length * 3 >= long.length * 2));
      return { c, d: f === w ? 0 : contains ? 0.5 : editDistance(w, f) };
    })
    .filter((x) => x.d <= allowed)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((x) => x.c);
}

/** `; near matches: "a", "b"` or '' — to append to a message. */
export function nearMatchText(wanted: string, candidates: readonly string[], key?: (name: string) => string): string {
  const near = nearMatches(wanted, candidates, 3, key);
  return near.length === 0 ? '' : `; near matches: ${near.map((n) => JSON.stringify(n)).join(', ')}`;
}

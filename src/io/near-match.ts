/**
 * Near matches for a name a person typed or an export spelt differently: the same name in
 * another case or with other separators, or one a few edits away. Used to say "column X is
 * missing; the file has x_, X1" instead of only "missing".
 */

/** Lower case without spaces, underscores, dots or hyphens: `Course_Number` ~ `course number`. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[\s_.\-]+/g, '');
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
 * The candidates close to `wanted`, best first: equal once case and separators are ignored,
 * then within an edit distance of max(2, a third of the name) on the folded names. At most
 * `limit` are returned.
 */
export function nearMatches(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const w = foldName(wanted);
  const allowed = Math.max(2, Math.floor(w.length / 3));
  return candidates
    .filter((c) => c !== wanted)
    .map((c) => {
      const f = foldName(c);
      const contains = w.length >= 3 && (f.includes(w) || w.includes(f)) && f.length >= 2;
      return { c, d: f === w ? 0 : contains ? 1 : editDistance(w, f) };
    })
    .filter((x) => x.d <= allowed)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((x) => x.c);
}

/** `; near matches: "a", "b"` or '' — to append to a message. */
export function nearMatchText(wanted: string, candidates: readonly string[]): string {
  const near = nearMatches(wanted, candidates);
  return near.length === 0 ? '' : `; near matches: ${near.map((n) => JSON.stringify(n)).join(', ')}`;
}

/**
 * Names for solver file formats: domain names such as `teach[ENG10,T07,A.2]` become unique
 * identifiers of letters, digits and `_` that every LP/MPS reader accepts, mapped back by index.
 */

const RESERVED = new Set([
  'st',
  's.t.',
  'subject',
  'such',
  'bounds',
  'bound',
  'binary',
  'binaries',
  'bin',
  'general',
  'generals',
  'gen',
  'integer',
  'integers',
  'int',
  'end',
  'free',
  'inf',
  'infinity',
  'maximize',
  'minimize',
  'max',
  'min',
  'semi',
  'semis',
  'sos',
]);

/**
 * One identifier per input name, in order: other characters become `_`, a leading digit or a
 * name that an LP reader could take for a number (`e12`) or keyword gets a `_` prefix, length is
 * capped at `maxLength`, and duplicates get `_2`, `_3`, … suffixes.
 */
export function sanitizeNames(names: readonly string[], maxLength = 60): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+$/, '');
    if (base === '') base = `n${i}`;
    if (/^[0-9]/.test(base) || /^[eE][0-9]*$/.test(base) || RESERVED.has(base.toLowerCase())) base = `_${base}`;
    base = base.slice(0, maxLength);
    let candidate = base;
    for (let k = 2; used.has(candidate); k++) candidate = `${base.slice(0, maxLength - String(k).length - 1)}_${k}`;
    used.add(candidate);
    return candidate;
  });
}

/**
 * Unmet requests summarised by cause, for the top of the report: each unmet request is read off its
 * computed causes (src/explain/compute.ts) into one headline (no section runs; every section is
 * reserved for another cohort; the reachable sections are full, clash with the student's own
 * sections, or both; a fitting seat was left open), and requests of one course with one headline
 * are counted together. Every unmet request falls in exactly one group, so the groups add up to the
 * report's unmet figures.
 */
import { courseLabel, type Lookup } from '../checker/index.js';
import type { Priority } from '../scenario/schema.js';
import { UNMET_KINDS, type UnmetCause, type UnmetKind } from '../solution/schema.js';
import type { Cause, RequestExplanation } from './cause.js';
import { slotWords } from './render.js';
import { getOrInsert } from '../map-entry.js';

export { UNMET_KINDS, type UnmetKind };

/** Unmet requests of one course with one headline cause, with what the causes name. */
export interface UnmetGroup {
  readonly kind: UnmetKind;
  /** The requested course. */
  readonly course: string;
  readonly requests: Readonly<Record<Priority, number>>;
  /** Sections the students could have joined (not reserved for another cohort). */
  readonly sections: readonly string[];
  /** Of those, the sections found full, with their seats. */
  readonly full: ReadonlyMap<string, number>;
  /** Course of a student's own section that clashes → requests it blocks. */
  readonly blockers: ReadonlyMap<string, number>;
  /** Cohorts the sections are reserved for (kind `reserved`). */
  readonly cohorts: readonly string[];
  /** Requests for which one more section could run (a `section-count` cause), a teacher or a room lacked. */
  readonly another: Readonly<Record<'section' | 'teacher' | 'room', number>>;
}

/** The headline of one unmet request, from its causes. */
export function unmetKind(causes: readonly Cause[]): UnmetKind {
  if (causes.some((c) => c.kind === 'open-seat')) return 'open-seat';
  const regular = causes.filter((c) => c.kind === 'clash' || c.kind === 'full');
  if (regular.length === 0) return causes.some((c) => c.kind === 'reserved') ? 'reserved' : 'not-offered';
  // A section counts as full when it is; the request clashes when some reachable section is not full.
  const full = new Set(regular.filter((c) => c.kind === 'full').map((c) => c.section));
  const sections = new Set(regular.map((c) => c.section));
  if (full.size === 0) return 'clash';
  return full.size === sections.size ? 'full' : 'full-or-clash';
}

const zero = (): Record<Priority, number> => ({ required: 0, requested: 0, recommended: 0 });

/**
 * Every unmet request grouped by its course and headline, most required requests first (then most
 * requests, then course id), so the first lines say what costs the most required requests.
 */
export function summariseUnmet(book: Lookup, requests: readonly RequestExplanation[]): UnmetGroup[] {
  interface Acc {
    kind: UnmetKind;
    course: string;
    requests: Record<Priority, number>;
    sections: Set<string>;
    full: Map<string, number>;
    blockers: Map<string, number>;
    cohorts: Set<string>;
    another: Record<'section' | 'teacher' | 'room', number>;
  }
  const groups = new Map<string, Acc>();
  for (const r of requests) {
    const kind = unmetKind(r.causes);
    const key = `${kind} ${r.request}`;
    const g = getOrInsert(groups, key, (): Acc => ({
      kind,
      course: r.request,
      requests: zero(),
      sections: new Set(),
      full: new Map(),
      blockers: new Map(),
      cohorts: new Set(),
      another: { section: 0, teacher: 0, room: 0 },
    }));
    g.requests[r.priority]++;
    const blockers = new Set<string>();
    for (const c of r.causes) {
      if (c.kind === 'clash') {
        g.sections.add(c.section);
        const course = book.sections.get(c.blocker)?.course;
        if (course) blockers.add(course);
      } else if (c.kind === 'full') {
        g.sections.add(c.section);
        g.full.set(c.section, c.size);
      } else if (c.kind === 'reserved') g.cohorts.add(c.cohort);
    }
    for (const b of blockers) g.blockers.set(b, (g.blockers.get(b) ?? 0) + 1);
    const another = r.causes.some((c) => c.kind === 'section-count')
      ? 'section'
      : r.causes.some((c) => c.kind === 'room-shortage')
        ? 'room'
        : r.causes.some((c) => c.kind === 'teacher-shortage')
          ? 'teacher'
          : undefined;
    if (another) g.another[another]++;
  }
  const total = (g: Acc) => g.requests.required + g.requests.requested + g.requests.recommended;
  return [...groups.values()]
    .sort(
      (a, b) =>
        b.requests.required - a.requests.required ||
        total(b) - total(a) ||
        (a.course < b.course ? -1 : a.course > b.course ? 1 : UNMET_KINDS.indexOf(a.kind) - UNMET_KINDS.indexOf(b.kind)),
    )
    .map((g) => ({ ...g, sections: [...g.sections].sort(), cohorts: [...g.cohorts].sort() }));
}

const courseName = (book: Lookup, id: string) => book.courses.get(id)?.name || id;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `Band (40), Spanish 1 (12) and 2 more courses`: the blocking courses, by the requests they block. */
function blockerWords(book: Lookup, blockers: ReadonlyMap<string, number>): string {
  const sorted = [...blockers].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, 3).map(([c, n]) => `${courseName(book, c)} (${n})`);
  const more = sorted.length - shown.length;
  return more > 0
    ? `${shown.join(', ')} and ${plural(more, 'more course')}`
    : shown.length <= 1
      ? shown.join('')
      : `${shown.slice(0, -1).join(', ')} and ${shown.slice(-1).join('')}`;
}

/** `32 seats`, `4 sections × 32 seats` or `3 sections, 90 seats`. */
function seatWords(full: ReadonlyMap<string, number>): string {
  const sizes = [...full.values()];
  if (sizes.length === 1) return plural(sizes[0] ?? 0, 'seat');
  return new Set(sizes).size === 1
    ? `${sizes.length} sections × ${plural(sizes[0] ?? 0, 'seat')}`
    : `${sizes.length} sections, ${plural(
        sizes.reduce((a, b) => a + b, 0),
        'seat',
      )}`;
}

/** What could not open another section, appended to a group's sentence. */
function anotherWords(book: Lookup, g: UnmetGroup): string {
  const n = g.requests.required + g.requests.requested + g.requests.recommended;
  if (g.another.section > 0)
    return `; another section could run at a time ${g.another.section === n ? 'each of them is' : `${g.another.section} of them are`} free (see what would help)`;
  if (g.another.room === n) return `; a teacher is free for another section, but no ${book.courses.get(g.course)?.roomType ?? ''} room is free then`;
  if (g.another.teacher === n) return '; no qualified teacher is free to open another section when they are';
  return '';
}

/**
 * The group as a sentence a counselor reads after its count: `the only Biology section they may
 * join, BIO-2 in B.1, clashes with their own Band (40) and Spanish 1 (12)`; the numbers in
 * brackets are the requests each blocking course accounts for.
 * @returns the sentence without the count, no final stop.
 */
export function renderUnmetGroup(book: Lookup, g: UnmetGroup): string {
  const name = courseName(book, g.course);
  const label = courseLabel(book, g.course);
  const only = g.sections.length === 1 ? book.sections.get(g.sections[0] ?? '') : undefined;
  const subject = only
    ? `the only ${name} section they may join, ${only.id} in ${slotWords(book, only.slots)},`
    : `the ${g.sections.length} ${name} sections they may join`;
  const clashWith = `their own ${blockerWords(book, g.blockers)}`;
  switch (g.kind) {
    case 'not-offered':
      return `no section of ${label} runs`;
    case 'reserved':
      return `no section of ${label} is open to them: its sections are cohort sections (${g.cohorts.join(', ')})${anotherWords(book, g)}`;
    case 'open-seat':
      return `a section of ${label} has a free seat that fits, but the loading left the student out`;
    case 'full':
      return `${only ? `the only ${name} section they may join, ${only.id},` : name} is full (${seatWords(g.full)})${anotherWords(book, g)}`;
    case 'clash':
      return `${only ? subject : `each of ${subject}`} clashes with ${clashWith}${anotherWords(book, g)}`;
    case 'full-or-clash':
      return `${subject} ${only ? 'is' : 'are'} full (${[...g.full.keys()].sort().join(', ')}: ${seatWords(g.full)}) or ${only ? 'clashes' : 'clash'} with ${clashWith}${anotherWords(book, g)}`;
  }
}

/** The groups as the report stores them (solution file `report.causes`). */
export function unmetCauses(book: Lookup, groups: readonly UnmetGroup[]): UnmetCause[] {
  return groups.map((g) => ({ kind: g.kind, course: g.course, ...g.requests, reason: renderUnmetGroup(book, g) }));
}

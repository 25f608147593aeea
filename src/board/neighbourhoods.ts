/**
 * Neighbourhoods of a board for large-neighbourhood search: sets of board columns (teach and
 * cohortTeach) that one search step frees while every other section stays where it is.
 * - a pathway grade: its cohorts' sections plus the sections of the small courses its members
 *   request outside the cohort, fewest sections first (the singletons and doubletons that clash);
 * - a set of slots (two or three): every cohort section and section of a course in those slots
 *   may move between them, change teacher among those free there, or trade places with another;
 * - a set of courses (up to 4, 8 or 16) around a request the incumbent leaves unmet: every
 *   section of each may move to any placement and teacher ({@link courseSets}).
 * They come in families of growing size ({@link neighbourhoodFamilies}); the search moves to the
 * next family when a whole family improves nothing, and back to the first on an improvement.
 * Pathway grades with the most members left unplaced come first; slot triples are ordered by the
 * conflicts of the students the incumbent leaves short ({@link conflictSlots}); course sets by
 * the priority of the unmet request they start from; seeded random course sets come last, once
 * every other family has stalled ({@link boardSearchFamilies}). The order is a pure function of
 * the board, the loading and the seed, so the search is reproducible.
 */
import type { Formulation } from '../model/formulation.js';
import type { TeachVar } from '../model/variables.js';
import { getOrInsert } from '../map-entry.js';

export interface Neighbourhood {
  readonly name: string;
  /** Board columns the step may change. */
  readonly free: ReadonlySet<number>;
}

/**
 * Only cohort sections and courses with at most this many sections move: they decide placement
 * (a big course has a section in most slots), and a step must re-load every student requesting a
 * course it frees, so freeing big courses makes a step's program nearly the whole program.
 */
const SMALL = 3;

/** Whether a section (or any 0/1 column) is on in a solution. */
export const on = (values: readonly number[], col: number) => Math.round(values[col] ?? 0) > 0;

/** Pathway members not placed, per pathway grade (`pathway|grade`), at the given solution. */
export function unplacedByPathwayGrade(form: Formulation, values: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of form.inst.groups) if (g.pathway) out.set(`${g.pathway}|${g.grade}`, (out.get(`${g.pathway}|${g.grade}`) ?? 0) + g.students.length);
  for (const part of form.vars.parts) {
    if (part.placed === undefined || !part.cohort) continue;
    const key = `${part.cohort.pathway}|${part.cohort.grade}`;
    out.set(key, (out.get(key) ?? 0) - Math.round(values[part.placed] ?? 0));
  }
  return out;
}

/**
 * The neighbourhoods to try from a solution, in the order to try them: pathway grades, then slot pairs.
 * @param maxFree most board columns one neighbourhood may free (keeps each step's program small).
 * @param maxTouched most students a neighbourhood may re-load (those requesting a freed course).
 */
export function neighbourhoods(form: Formulation, values: readonly number[], maxFree: number, maxTouched: number): Neighbourhood[] {
  return [...pathwayGrades(form, values, maxFree, maxTouched), ...slotSets(form, values, 2, maxFree, maxTouched, SMALL)];
}

/** A family of neighbourhoods of one shape and size, recomputed from each incumbent. */
export interface NeighbourhoodFamily {
  readonly name: string;
  of(values: readonly number[]): Neighbourhood[];
}

/**
 * The families the search goes through, smallest first: pathway grades and slot pairs; the same
 * at twice the size; slot triples (any course, within twice the size), those where the students
 * the incumbent leaves short clash first. A larger family's steps cost more, so it is tried only
 * once every smaller one has stalled.
 */
export function neighbourhoodFamilies(form: Formulation, maxFree: number, maxTouched: number, seed: number): NeighbourhoodFamily[] {
  return [
    { name: 'pathway grades and slot pairs', of: (v) => neighbourhoods(form, v, maxFree, maxTouched) },
    { name: 'pathway grades and slot pairs, twice the size', of: (v) => neighbourhoods(form, v, 2 * maxFree, 2 * maxTouched) },
    {
      name: 'slot triples',
      of: (v) => {
        const weight = conflictSlots(form, v);
        const score = (n: Neighbourhood & { slots: readonly string[] }) => n.slots.reduce((sum, slot) => sum + (weight.get(slot) ?? 0), 0);
        return slotSets(form, v, 3, 2 * maxFree, 2 * maxTouched, Infinity)
          .map((n) => ({ n, score: score(n), tie: mix(seed, n.name) }))
          .sort((a, b) => b.score - a.score || a.tie - b.tie || a.n.name.localeCompare(b.n.name))
          .map((e) => e.n);
      },
    },
  ];
}

/** A request the incumbent leaves unmet, for some or all students of its group. */
interface Unmet {
  readonly group: number;
  readonly request: number;
  /** Students of the group whose request is not met. */
  readonly short: number;
}

/** The requests the solution leaves unmet (cohort requests count as met by membership), highest priority first. */
export function unmetRequests(form: Formulation, values: readonly number[]): Unmet[] {
  const { inst, vars } = form;
  const met = new Map<string, number>();
  const add = (key: string, n: number) => met.set(key, (met.get(key) ?? 0) + n);
  for (const part of vars.parts) {
    for (const t of part.takes) add(`${t.group}|${t.request}`, Math.round(values[t.col] ?? 0));
    const member = part.member;
    if (member === undefined) continue;
    inst.groups[part.group]!.requests.forEach((r, ri) => {
      if (r.cohort) add(`${part.group}|${ri}`, Math.round(values[member] ?? 0));
    });
  }
  const rank = { required: 0, requested: 1, recommended: 2 } as const;
  const out: Array<Unmet & { rank: number }> = [];
  inst.groups.forEach((g, gi) => {
    g.requests.forEach((r, ri) => {
      const short = g.students.length - (met.get(`${gi}|${ri}`) ?? 0);
      if (short > 0) out.push({ group: gi, request: ri, short, rank: rank[r.priority] });
    });
  });
  return out.sort((a, b) => a.rank - b.rank || b.short - a.short || a.group - b.group || a.request - b.request);
}

/**
 * Sets of courses whose sections all move at once (every teacher, every placement), grown from
 * the requests the incumbent leaves unmet. An unmet request's own courses (the course and its
 * alternates) and the regular courses its students hold in the slots where those courses' sections
 * now meet are the request's conflict: moving any of them may meet it. Each set starts from one
 * unmet request's conflict (higher priority and more students short first) and grows, up to
 * `size` courses, by the course sharing the most short students' conflicts with the set (ties
 * broken by the seed), so one step can shift a chain of clashing small courses together. Courses
 * join only while the step frees at most `maxFree` columns and re-loads at most `maxTouched`
 * students; sets of at most `smaller` courses are left out (a smaller family already tried them).
 */
export function courseSets(
  form: Formulation,
  values: readonly number[],
  size: number,
  smaller: number,
  maxFree: number,
  maxTouched: number,
  seed: number,
): Neighbourhood[] {
  const { inst, vars } = form;
  const requesters = requestersOf(form);
  const columnsOf = regularColumns(form);
  const slotsOf = new Map<string, Set<string>>();
  for (const v of vars.teach) if (!v.cohort && on(values, v.col)) for (const s of v.pattern.slots) getOrInsert(slotsOf, v.course, () => new Set()).add(s);
  // The regular courses each group sits in, per slot.
  const holds = new Map<number, Map<string, Set<string>>>();
  for (const part of vars.parts)
    for (const t of part.takes)
      if (on(values, t.col))
        for (const s of t.pattern.slots)
          getOrInsert(
            getOrInsert(holds, t.group, () => new Map()),
            s,
            () => new Set(),
          ).add(t.course);
  const conflicts: Array<{ courses: string[]; short: number }> = [];
  for (const u of unmetRequests(form, values)) {
    const request = inst.groups[u.group]!.requests[u.request]!;
    if (request.cohort) continue;
    const own = request.choices.filter((c) => columnsOf.has(c));
    if (own.length === 0) continue;
    const held = new Set<string>();
    for (const c of own) for (const s of slotsOf.get(c) ?? []) for (const h of holds.get(u.group)?.get(s) ?? []) held.add(h);
    const courses = [...own, ...[...held].filter((c) => !own.includes(c) && columnsOf.has(c)).sort()];
    conflicts.push({ courses, short: u.short });
  }
  // How many short students' conflicts hold both courses.
  const affinity = new Map<string, Map<string, number>>();
  for (const { courses, short } of conflicts)
    for (const a of courses) for (const b of courses) if (a !== b) getOrInsert(affinity, a, () => new Map()).set(b, (affinity.get(a)?.get(b) ?? 0) + short);
  const out: Neighbourhood[] = [];
  const seen = new Set<string>();
  for (const { courses } of conflicts) {
    const set = new Set<string>();
    const excluded = new Set<string>();
    let free = 0;
    let touched = 0;
    const join = (c: string) => {
      const cols = columnsOf.get(c)?.length ?? 0;
      const students = requesters.get(c) ?? 0;
      if (free + cols > maxFree || touched + students > maxTouched) {
        excluded.add(c);
        return;
      }
      set.add(c);
      free += cols;
      touched += students;
    };
    for (const c of courses) if (set.size < size) join(c);
    while (set.size < size) {
      const pull = new Map<string, number>();
      for (const s of set) for (const [c, w] of affinity.get(s) ?? []) if (!set.has(c) && !excluded.has(c)) pull.set(c, (pull.get(c) ?? 0) + w);
      const next = [...pull].sort((a, b) => b[1] - a[1] || mix(seed, a[0]) - mix(seed, b[0]) || a[0].localeCompare(b[0]))[0];
      if (!next) break;
      join(next[0]);
    }
    if (set.size <= smaller) continue;
    const name = `courses ${[...set].sort().join('+')}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, free: new Set([...set].flatMap((c) => columnsOf.get(c) ?? [])) });
  }
  return out;
}

/**
 * The families of the board search, for request tiers as well as placement: pathway grades and
 * slot pairs, then course sets of 4 and 8, the larger {@link neighbourhoodFamilies}, course sets
 * of 16, and seeded random course sets last. Course sets aim at the unmet requests themselves:
 * on Crestwood (156 students, no pathways) the slot families alone stalled at 740 of 889
 * requested requests met, and with course sets the search passed 804 within the default limit.
 * They come after the cheap first family (pathway grades and slot pairs), not before it: first,
 * they met one requested request fewer on tiny-ab. A course set of `k` courses may free `k / 2`
 * times the columns and re-load `k / 2` times the students of a slot pair, so a larger family
 * is a larger step.
 */
export function boardSearchFamilies(form: Formulation, maxFree: number, maxTouched: number, seed: number): NeighbourhoodFamily[] {
  const sets = (size: number, smaller: number): NeighbourhoodFamily => ({
    name: `course sets of ${size}`,
    of: (v) => courseSets(form, v, size, smaller, (maxFree * size) / 2, (maxTouched * size) / 2, seed),
  });
  const slots = neighbourhoodFamilies(form, maxFree, maxTouched, seed);
  const random: NeighbourhoodFamily = { name: 'random course sets', of: (v) => randomCourseSets(form, v, 8, 32, 4 * maxFree, 4 * maxTouched, seed) };
  return [...slots.slice(0, 1), sets(4, 0), sets(8, 4), ...slots.slice(1), sets(16, 8), random];
}

/**
 * Course sets drawn at random, a perturbation once every other family has stalled: `count` sets
 * of up to `size` courses, within `maxFree` columns and `maxTouched` students. The draw is seeded
 * by the seed and the board, so it is a pure function of them (on valley, after the other
 * families' local optimum, one of them met one more requested and two more recommended requests).
 */
export function randomCourseSets(
  form: Formulation,
  values: readonly number[],
  size: number,
  count: number,
  maxFree: number,
  maxTouched: number,
  seed: number,
): Neighbourhood[] {
  const requesters = requestersOf(form);
  const columnsOf = regularColumns(form);
  const courses = [...columnsOf.keys()].sort();
  const board = form.vars.teach
    .filter((v) => on(values, v.col))
    .map((v) => v.col)
    .join(',');
  let state = mix(seed, board) || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const out: Neighbourhood[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const set = new Set<string>();
    let free = 0;
    let touched = 0;
    for (let tries = 0; tries < 4 * size && set.size < size; tries++) {
      const c = courses[Math.floor(next() * courses.length)] ?? '';
      const cols = columnsOf.get(c)?.length ?? 0;
      if (set.has(c) || free + cols > maxFree || touched + (requesters.get(c) ?? 0) > maxTouched) continue;
      set.add(c);
      free += cols;
      touched += requesters.get(c) ?? 0;
    }
    const name = `random courses ${[...set].sort().join('+')}`;
    if (set.size === 0 || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, free: new Set([...set].flatMap((c) => columnsOf.get(c) ?? [])) });
  }
  return out;
}

/** A deterministic pseudo-random number from a seed and a name (FNV-1a), to break ties without a bias to the slots named first. */
function mix(seed: number, name: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Pathway grades, those with the most members unplaced first: their cohort sections and the small courses their members need. */
export function pathwayGrades(form: Formulation, values: readonly number[], maxFree: number, maxTouched: number): Neighbourhood[] {
  const { inst, vars } = form;
  const requesters = requestersOf(form);
  const byCourse = new Map<string, TeachVar[]>();
  const byCohort = new Map<string, TeachVar[]>();
  for (const v of vars.teach) {
    if (v.cohort) getOrInsert(byCohort, v.cohort, () => []).push(v);
    else getOrInsert(byCourse, v.course, () => []).push(v);
  }
  const sectionsOf = (c: string) => inst.courses.get(c)?.regularSections ?? 0;
  const out: Neighbourhood[] = [];
  const unplaced = unplacedByPathwayGrade(form, values);
  const grades = [...unplaced.entries()].filter(([key]) => inst.cohorts.some((k) => `${k.pathway}|${k.grade}` === key));
  grades.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [key] of grades) {
    const free = new Set<number>();
    for (const k of inst.cohorts) if (`${k.pathway}|${k.grade}` === key) for (const v of byCohort.get(k.id) ?? []) free.add(v.col);
    const demand = new Map<string, number>();
    // Groups outside every pathway cannot match a cohort's pathway grade.
    const inGrade = (g: (typeof inst.groups)[number]) => g.pathway !== undefined && `${g.pathway}|${g.grade}` === key;
    for (const g of inst.groups) {
      if (!inGrade(g)) continue;
      for (const r of g.requests) if (!r.cohort) for (const c of r.safe) demand.set(c, (demand.get(c) ?? 0) + g.students.length);
    }
    // Courses with few sections constrain members most; big courses have sections everywhere.
    const courses = [...demand.keys()]
      .filter((c) => sectionsOf(c) > 0 && sectionsOf(c) <= SMALL)
      .sort((a, b) => sectionsOf(a) - sectionsOf(b) || (demand.get(b) ?? 0) - (demand.get(a) ?? 0) || a.localeCompare(b));
    let touched = inst.groups.filter(inGrade).reduce((n, g) => n + g.students.length, 0);
    for (const c of courses) {
      const cols = byCourse.get(c) ?? [];
      if (free.size + cols.length > maxFree) break;
      if (touched + (requesters.get(c) ?? 0) > maxTouched) continue;
      touched += requesters.get(c) ?? 0;
      for (const v of cols) free.add(v.col);
    }
    out.push({ name: `pathway ${key.replace('|', ' grade ')}`, free });
  }
  return out;
}

/** The board columns of each course's regular sections (every teacher, every placement): what a course set frees. */
export function regularColumns(form: Formulation): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const v of form.vars.teach) if (!v.cohort) getOrInsert(out, v.course, () => []).push(v.col);
  return out;
}

/** Students who may take each course: a step that frees a regular course re-loads them all. */
export function requestersOf(form: Formulation): Map<string, number> {
  const requesters = new Map<string, number>();
  for (const g of form.inst.groups) {
    const choices = new Set(g.requests.flatMap((r) => r.choices));
    for (const c of choices) requesters.set(c, (requesters.get(c) ?? 0) + g.students.length);
  }
  return requesters;
}

/** Every way to choose `size` of the indices 0..n-1, in lexicographic order. */
function choose(n: number, size: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, acc: number[]) => {
    if (acc.length === size) out.push(acc);
    else for (let i = from; i < n; i++) pick(i + 1, [...acc, i]);
  };
  pick(0, []);
  return out;
}

/**
 * Sets of `size` slots, the busiest (by sections freed) first: every cohort section, and every
 * section of a course with at most `smallSections` regular sections, in those slots may move
 * within them. Regular courses join fewest requesters first while the step stays within
 * `maxTouched` students; a set freeing more than `maxFree` columns is left out.
 */
export function slotSets(
  form: Formulation,
  values: readonly number[],
  size: number,
  maxFree: number,
  maxTouched: number,
  smallSections: number,
): Array<Neighbourhood & { slots: readonly string[] }> {
  const { inst, vars } = form;
  const requesters = requestersOf(form);
  const sectionsOf = (c: string) => inst.courses.get(c)?.regularSections ?? 0;
  const slots = inst.slots.map((s) => s.name);
  const inSlot = new Map<string, Set<string>>();
  for (const v of vars.teach) {
    if (!on(values, v.col)) continue;
    for (const s of v.pattern.slots) getOrInsert(inSlot, s, () => new Set()).add(v.cohort ? `${v.cohort}|${v.course}` : v.course);
  }
  const cohortSize = new Map(inst.cohorts.map((k) => [k.id, k.size]));
  const sets: Array<Neighbourhood & { slots: readonly string[] }> = [];
  for (const pick of choose(slots.length, size)) {
    const set = pick.map((i) => slots[i]!);
    const within = new Set(set);
    const moving = [...new Set(set.flatMap((s) => [...(inSlot.get(s) ?? [])]))].sort();
    let touched = 0;
    const allowed = new Set<string>();
    for (const key of moving.filter((k) => k.includes('|'))) {
      allowed.add(key);
      touched += cohortSize.get(key.split('|')[0]!) ?? 0;
    }
    const regular = moving
      .filter((k) => !k.includes('|') && sectionsOf(k) <= smallSections)
      .sort((x, y) => (requesters.get(x) ?? 0) - (requesters.get(y) ?? 0) || x.localeCompare(y));
    for (const c of regular) {
      if (touched + (requesters.get(c) ?? 0) > maxTouched) continue;
      touched += requesters.get(c) ?? 0;
      allowed.add(c);
    }
    const free = new Set<number>();
    for (const v of vars.teach) {
      if (!v.pattern.slots.every((s) => within.has(s))) continue;
      if (allowed.has(v.cohort ? `${v.cohort}|${v.course}` : v.course)) free.add(v.col);
    }
    if (free.size > 0 && free.size <= maxFree) sets.push({ name: `slots ${set.join('+')}`, free, slots: set });
  }
  return sets.sort((x, y) => y.free.size - x.free.size || x.name.localeCompare(y.name));
}

/**
 * Where the students the incumbent leaves short clash, as a weight per slot. For each group with
 * pathway members not placed (or, with none such in the school, with requests not met), a
 * minimal set of its requests that cannot all be met together on the board (a deletion filter
 * over a small exact test) is found; the slots its sections could use are that group's conflict.
 * A step freeing those slots, with one more to move a section into, is the one that can place it.
 */
export function conflictSlots(form: Formulation, values: readonly number[]): Map<string, number> {
  const { inst, vars } = form;
  const onBoard = vars.teach.filter((v) => on(values, v.col));
  const member = new Map<number, string>();
  const placed = new Map<number, number>();
  const met = new Map<number, number>();
  for (const part of vars.parts) {
    if (part.cohort && part.member !== undefined && on(values, part.member)) member.set(part.group, part.cohort.id);
    if (part.placed !== undefined) placed.set(part.group, (placed.get(part.group) ?? 0) + Math.round(values[part.placed] ?? 0));
    let n = 0;
    for (const t of part.takes) n += Math.round(values[t.col] ?? 0);
    if (part.member !== undefined) n += Math.round(values[part.member] ?? 0) * inst.groups[part.group]!.requests.filter((r) => r.cohort).length;
    met.set(part.group, (met.get(part.group) ?? 0) + n);
  }
  const unplaced = inst.groups.map((g, gi) =>
    g.pathway && inst.cohorts.some((k) => k.pathway === g.pathway && k.grade === g.grade) ? g.students.length - (placed.get(gi) ?? 0) : 0,
  );
  const anyUnplaced = unplaced.some((n) => n > 0);
  const weight = new Map<string, number>();
  inst.groups.forEach((g, gi) => {
    const short = anyUnplaced ? unplaced[gi]! : g.students.length * g.requests.length - (met.get(gi) ?? 0) > 0 ? g.students.length : 0;
    if (short <= 0) return;
    const cohort = member.get(gi) ?? (anyUnplaced ? inst.cohorts.find((k) => k.pathway === g.pathway && k.grade === g.grade)?.id : undefined);
    const busy = new Set(onBoard.filter((v) => cohort !== undefined && v.cohort === cohort).flatMap((v) => v.pattern.slots));
    const requests = g.requests.filter((r) => !(cohort !== undefined && r.cohort));
    const options = requests.map((r) => onBoard.filter((v) => !v.cohort && (anyUnplaced ? r.safe : r.choices).includes(v.course)).map((v) => v.pattern.slots));
    const core = unsatisfiableCore(options, busy);
    for (const i of core) for (const o of options[i]!) for (const s of o) weight.set(s, (weight.get(s) ?? 0) + short);
  });
  return weight;
}

/** Most search nodes one feasibility test of a group's requests may take; past it the group is left out. */
const CORE_NODES = 2000;

/**
 * A minimal set of requests (by index) that cannot all take a section in distinct free slots;
 * empty when all can, or when the test passes its node budget. Options are deduplicated by
 * slots and requests with fewest options are placed first.
 */
function unsatisfiableCore(options: ReadonlyArray<ReadonlyArray<readonly string[]>>, busy: ReadonlySet<string>): number[] {
  const distinct = options.map((list) => [
    ...new Map(list.filter((slots) => !slots.some((s) => busy.has(s))).map((slots) => [slots.join(','), slots])).values(),
  ]);
  const fits = (requests: readonly number[]): boolean | null => {
    const order = [...requests].sort((a, b) => distinct[a]!.length - distinct[b]!.length || a - b);
    const used = new Set<string>();
    let nodes = 0;
    const place = (i: number): boolean | null => {
      if (i === order.length) return true;
      for (const slots of distinct[order[i]!]!) {
        if (++nodes > CORE_NODES) return null;
        if (slots.some((s) => used.has(s))) continue;
        for (const s of slots) used.add(s);
        const r = place(i + 1);
        for (const s of slots) used.delete(s);
        if (r !== false) return r;
      }
      return false;
    };
    return place(0);
  };
  let core = options.map((_, i) => i);
  if (fits(core) !== false) return [];
  for (const i of [...core]) {
    const rest = core.filter((j) => j !== i);
    if (fits(rest) === false) core = rest;
  }
  return core;
}

/**
 * Neighbourhoods of a board for large-neighbourhood search: sets of board columns (teach and
 * cohortTeach) that one search step frees while every other section stays where it is.
 * - a pathway grade: its cohorts' sections plus the sections of the small courses its members
 *   request outside the cohort, fewest sections first (the singletons and doubletons that clash);
 * - a pair of slots: every cohort section and small-course section in either slot may move
 *   between the two, change teacher among those free there, or trade places with another.
 * Pathway grades with the most members left unplaced come first; the order is a pure function of
 * the board and the loading, so the search is reproducible.
 */
import type { Formulation } from '../model/formulation.js';
import type { TeachVar } from '../model/variables.js';

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

const on = (values: readonly number[], col: number) => Math.round(values[col] ?? 0) > 0;

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
 * The neighbourhoods to try from a solution, in the order to try them.
 * @param maxFree most board columns one neighbourhood may free (keeps each step's program small).
 * @param maxTouched most students a neighbourhood may re-load (those requesting a freed course).
 */
export function neighbourhoods(form: Formulation, values: readonly number[], maxFree: number, maxTouched: number): Neighbourhood[] {
  const { inst, vars } = form;
  // Students a step re-loads when it frees a regular course: everyone who may take it.
  const requesters = new Map<string, number>();
  for (const g of inst.groups) {
    const choices = new Set(g.requests.flatMap((r) => r.choices));
    for (const c of choices) requesters.set(c, (requesters.get(c) ?? 0) + g.students.length);
  }
  const byCourse = new Map<string, TeachVar[]>();
  const byCohort = new Map<string, TeachVar[]>();
  for (const v of vars.teach) {
    if (v.cohort) (byCohort.get(v.cohort) ?? byCohort.set(v.cohort, []).get(v.cohort)!).push(v);
    else (byCourse.get(v.course) ?? byCourse.set(v.course, []).get(v.course)!).push(v);
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
    for (const g of inst.groups) {
      if (`${g.pathway}|${g.grade}` !== key) continue;
      for (const r of g.requests) if (!r.cohort) for (const c of r.safe) demand.set(c, (demand.get(c) ?? 0) + g.students.length);
    }
    // Courses with few sections constrain members most; big courses have sections everywhere.
    const courses = [...demand.keys()].filter((c) => sectionsOf(c) > 0 && sectionsOf(c) <= SMALL).sort((a, b) => sectionsOf(a) - sectionsOf(b) || (demand.get(b) ?? 0) - (demand.get(a) ?? 0) || a.localeCompare(b));
    let touched = inst.groups.filter((g) => `${g.pathway}|${g.grade}` === key).reduce((n, g) => n + g.students.length, 0);
    for (const c of courses) {
      const cols = byCourse.get(c) ?? [];
      if (free.size + cols.length > maxFree) break;
      if (touched + (requesters.get(c) ?? 0) > maxTouched) continue;
      touched += requesters.get(c) ?? 0;
      for (const v of cols) free.add(v.col);
    }
    out.push({ name: `pathway ${key.replace('|', ' grade ')}`, free });
  }

  // Slot pairs, the busiest (by sections) first; a section may move only within the pair.
  const slots = inst.slots.map((s) => s.name);
  const inSlot = new Map<string, Set<string>>();
  for (const v of vars.teach) {
    if (!on(values, v.col)) continue;
    for (const s of v.pattern.slots) (inSlot.get(s) ?? inSlot.set(s, new Set()).get(s)!).add(v.cohort ? `${v.cohort}|${v.course}` : v.course);
  }
  const pairs: Array<{ a: string; b: string; free: Set<number> }> = [];
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i]!;
      const b = slots[j]!;
      const pair = new Set([a, b]);
      const moving = [...new Set([...(inSlot.get(a) ?? []), ...(inSlot.get(b) ?? [])])].sort();
      // Regular courses join fewest requesters first while the step stays small.
      let touched = 0;
      const allowed = new Set<string>();
      for (const key of moving.filter((k) => k.includes('|'))) {
        allowed.add(key);
        touched += inst.cohorts.find((k) => k.id === key.split('|')[0])?.size ?? 0;
      }
      const regular = moving.filter((k) => !k.includes('|') && sectionsOf(k) <= SMALL).sort((x, y) => (requesters.get(x) ?? 0) - (requesters.get(y) ?? 0) || x.localeCompare(y));
      for (const c of regular) {
        if (touched + (requesters.get(c) ?? 0) > maxTouched) continue;
        touched += requesters.get(c) ?? 0;
        allowed.add(c);
      }
      const free = new Set<number>();
      for (const v of vars.teach) {
        if (!v.pattern.slots.every((s) => pair.has(s))) continue;
        if (allowed.has(v.cohort ? `${v.cohort}|${v.course}` : v.course)) free.add(v.col);
      }
      if (free.size > 0 && free.size <= maxFree) pairs.push({ a, b, free });
    }
  }
  pairs.sort((x, y) => y.free.size - x.free.size || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  for (const p of pairs) out.push({ name: `slots ${p.a}+${p.b}`, free: p.free });
  return out;
}

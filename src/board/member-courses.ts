/**
 * Neighbourhoods for the placement search (src/engine/placement.ts): a pathway grade with the
 * courses its unplaced members need, whatever their size.
 *
 * A pathway student is placed only when every request fits in the slots the cohort's own
 * sections leave free. In a 7-period day with a double-period CTE lab a member's day is full:
 * the cohort takes four periods, and the other three must hold a section of each of the
 * member's three other courses. When those are big courses (Geometry, Biology, PE 10 with seven
 * or more sections) the board search's pathway-grade neighbourhood (src/board/neighbourhoods.ts)
 * cannot move them (it frees courses of at most three sections), and the cohort alone has no
 * free slots to move to: on the generated 1,200-student school every family of it climbed from
 * 146 to about 200 of 348 in 50 s. Freeing every section of every course the unplaced members
 * request lets one step set a whole cohort's day (benchmarks/notes.md, "Placement on the
 * generated 1,200-student school").
 *
 * In the placement program students outside pathways have no requests, so a freed big course
 * re-loads only the pathway members who request it: the step stays far smaller than the whole
 * program.
 */
import type { Formulation } from '../model/formulation.js';
import type { Neighbourhood, NeighbourhoodFamily } from './neighbourhoods.js';
import { neighbourhoodFamilies, on, regularColumns, requestersOf } from './neighbourhoods.js';
import { getOrInsert } from '../map-entry.js';

/**
 * One neighbourhood per pathway grade with members the solution leaves unplaced, most unplaced
 * first (ties by name): the columns of its cohorts' sections, and every regular section column
 * (any teacher, any placement) of the courses its unplaced members' requests accept, courses
 * wanted by most unplaced members first. A course joins only while the neighbourhood frees at
 * most `maxFree` columns and re-loads at most `maxTouched` students (the unplaced members, plus
 * every student requesting a joined course); one that does not fit is passed over for the next.
 * @param values - a solution of the formulation (board and loading).
 * @returns the neighbourhoods in the order to try them; empty when every member is placed.
 */
export function memberCourses(form: Formulation, values: readonly number[], maxFree: number, maxTouched: number, blocking = false): Neighbourhood[] {
  const { inst, vars } = form;
  const placed = new Map<number, number>();
  for (const part of vars.parts) if (part.placed !== undefined) placed.set(part.group, (placed.get(part.group) ?? 0) + Math.round(values[part.placed] ?? 0));
  const regular = regularColumns(form);
  const cohort = new Map<string, number[]>();
  for (const v of vars.teach) if (v.cohort) getOrInsert(cohort, v.cohort, () => []).push(v.col);
  const requesters = requestersOf(form);

  /** Per pathway grade with a cohort: unplaced members, and unplaced members wanting each course. */
  const grades = new Map<string, { short: number; want: Map<string, number> }>();
  inst.groups.forEach((g, gi) => {
    if (!g.pathway || !inst.cohorts.some((k) => k.pathway === g.pathway && k.grade === g.grade)) return;
    const short = g.students.length - (placed.get(gi) ?? 0);
    if (short <= 0) return;
    const grade = getOrInsert(grades, `${g.pathway}|${g.grade}`, () => ({ short: 0, want: new Map<string, number>() }));
    grade.short += short;
    // Only A–G-safe choices place a member (src/model/variables.ts).
    for (const r of g.requests) if (!r.cohort) for (const c of r.safe) grade.want.set(c, (grade.want.get(c) ?? 0) + short);
  });

  const out: Neighbourhood[] = [];
  for (const [key, grade] of [...grades].sort((a, b) => b[1].short - a[1].short || a[0].localeCompare(b[0]))) {
    const free = new Set<number>();
    for (const k of inst.cohorts) if (`${k.pathway}|${k.grade}` === key) for (const col of cohort.get(k.id) ?? []) free.add(col);
    let touched = grade.short;
    const join = (course: string): boolean => {
      const cols = regular.get(course) ?? [];
      const students = requesters.get(course) ?? 0;
      if (cols.length === 0 || free.has(cols[0]!) || free.size + cols.length > maxFree || touched + students > maxTouched) return false;
      touched += students;
      for (const col of cols) free.add(col);
      return true;
    };
    const wanted = [...grade.want].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
    const joined = wanted.filter(join);
    if (blocking) for (const c of blockingCourses(form, values, key, joined, requesters)) join(c);
    out.push({ name: `pathway ${key.replace('|', ' grade ')} with its members' courses${blocking ? ' and what blocks them' : ''}`, free });
  }
  return out;
}

/**
 * The regular courses that keep the teachers of `courses` busy in the slots the pathway grade's
 * cohorts leave free (on the board of `values`), fewest requesters first (ties by name). A member
 * short of a slot for two small courses needs one of their sections moved into another free slot,
 * and that slot's teacher is held there by a section of some other course: on the generated
 * 1,200-student school the last unplaced member (JOURN and STATS both only in period 4 of the
 * cohort's free periods 3, 4 and 7, their teachers busy in 3 and 7) was placed only by a slot
 * triple after about 40 s of failing steps.
 */
function blockingCourses(
  form: Formulation,
  values: readonly number[],
  key: string,
  courses: readonly string[],
  requesters: ReadonlyMap<string, number>,
): string[] {
  const { inst, vars } = form;
  const cohorts = new Set(inst.cohorts.filter((k) => `${k.pathway}|${k.grade}` === key).map((k) => k.id));
  const busy = new Map<string, Set<string>>();
  for (const v of vars.teach)
    if (v.cohort && cohorts.has(v.cohort) && on(values, v.col)) for (const s of v.pattern.slots) getOrInsert(busy, v.cohort, () => new Set()).add(s);
  // A slot is free for the grade when one of its cohorts meets nowhere there.
  const freeSlots = new Set(inst.slots.map((s) => s.name).filter((s) => [...cohorts].some((k) => !busy.get(k)?.has(s))));
  const wanted = new Set(courses);
  const teachers = new Set(courses.flatMap((c) => inst.courses.get(c)?.teachers ?? []));
  const out = new Set<string>();
  for (const v of vars.teach) {
    if (v.cohort || wanted.has(v.course) || !teachers.has(v.teacher) || !on(values, v.col)) continue;
    if (v.pattern.slots.some((s) => freeSlots.has(s))) out.add(v.course);
  }
  return [...out].sort((a, b) => (requesters.get(a) ?? 0) - (requesters.get(b) ?? 0) || a.localeCompare(b));
}

/** The two member-course families: a pathway grade with its members' courses, then the same at twice the size with what blocks them. */
export function memberCourseFamilies(form: Formulation, maxFree: number, maxTouched: number): NeighbourhoodFamily[] {
  return [
    { name: "pathway grades with their members' courses", of: (v) => memberCourses(form, v, maxFree, maxTouched) },
    { name: "pathway grades with their members' courses and what blocks them", of: (v) => memberCourses(form, v, 2 * maxFree, 2 * maxTouched, true) },
  ];
}

/**
 * The families of the placement search on large programs: pathway grades with their members'
 * courses ({@link memberCourseFamilies}) first, then the board search's own
 * ({@link neighbourhoodFamilies}), for what moving whole courses for one grade leaves (a chain of
 * clashes across grades).
 */
export function placementFamilies(form: Formulation, maxFree: number, maxTouched: number, seed: number): NeighbourhoodFamily[] {
  return [...memberCourseFamilies(form, maxFree, maxTouched), ...neighbourhoodFamilies(form, maxFree, maxTouched, seed)];
}

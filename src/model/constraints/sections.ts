import type { ModelBuilder, Expr } from '../builder.js';
import type { Instance } from '../instance.js';
import type { Vars } from '../variables.js';
import { getKnown, getOrInsert } from '../../map-entry.js';

/**
 * A course runs at most its planned regular sections, each cohort at most one section of each
 * cohort course, and exactly the given count when the scenario fixes it.
 */
export function sectionCounts(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const regular = new Map<string, Expr>();
  const cohort = new Map<string, Expr>();
  const all = new Map<string, Expr>();
  const cohortCourse = new Map<string, { cohort: string; course: string }>();
  for (const v of vars.teach) {
    const key = v.cohort ? `${v.cohort},${v.course}` : v.course;
    if (v.cohort) cohortCourse.set(key, { cohort: v.cohort, course: v.course });
    const target = v.cohort ? cohort : regular;
    getOrInsert(target, key, () => []).push([v.col, 1]);
    getOrInsert(all, v.course, () => []).push([v.col, 1]);
  }
  for (const [course, expr] of regular) {
    const planned = inst.courses.get(course)?.regularSections ?? 0;
    m.row(`sections[${course}]`, expr, 0, planned, { rule: 'section-count', args: { course, planned: String(planned) } });
  }
  for (const [key, expr] of cohort)
    m.row(`cohortSection[${key}]`, expr, 0, 1, { rule: 'cohort-one-section', args: getKnown(cohortCourse, key, 'cohort course of row') });
  for (const [course, info] of inst.courses) {
    if (info.fixedSections === undefined) continue;
    m.row(`fixedSections[${course}]`, all.get(course) ?? [], info.fixedSections, info.fixedSections, { rule: 'fixed-sections', args: { course } });
  }
}

/** A locked slot holds a section of the locked course (as many as there are identical locks). */
export function locks(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const wanted = new Map<string, { course: string; slot: string; count: number }>();
  for (const l of inst.scenario.locks) {
    const key = `${l.course},${l.slot}`;
    const w = wanted.get(key);
    if (w) w.count++;
    else wanted.set(key, { course: l.course, slot: l.slot, count: 1 });
  }
  for (const [key, w] of wanted) {
    const expr: Expr = vars.teach.filter((v) => v.course === w.course && v.pattern.slots.includes(w.slot)).map((v) => [v.col, 1] as const);
    m.row(`lock[${key}]`, expr, w.count, Infinity, { rule: 'lock', args: { course: w.course, slot: w.slot } });
  }
}

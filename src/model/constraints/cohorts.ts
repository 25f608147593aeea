import type { ModelBuilder, Expr } from '../builder.js';
import type { Instance } from '../instance.js';
import type { Vars } from '../variables.js';
import { getOrInsert } from '../../map-entry.js';

/** cohort → course → columns of its possible sections. */
export function cohortSections(vars: Vars): Map<string, Map<string, Expr>> {
  const out = new Map<string, Map<string, Expr>>();
  for (const v of vars.teach) {
    if (!v.cohort) continue;
    const byCourse = getOrInsert(out, v.cohort, () => new Map());
    const e = byCourse.get(v.course) ?? [];
    e.push([v.col, 1]);
    byCourse.set(v.course, e);
  }
  return out;
}

/** cohort → slot → columns of its sections occupying the slot. */
export function cohortBusy(vars: Vars): Map<string, Map<string, Expr>> {
  const out = new Map<string, Map<string, Expr>>();
  for (const v of vars.teach) {
    if (!v.cohort) continue;
    const bySlot = getOrInsert(out, v.cohort, () => new Map());
    for (const s of v.pattern.slots) {
      const e = bySlot.get(s) ?? [];
      e.push([v.col, 1]);
      bySlot.set(s, e);
    }
  }
  return out;
}

/**
 * A cohort holds at most its size, has members only when it has a section of every cohort
 * course, its own sections never overlap, a student joins at most one cohort, and cohorts of
 * one pathway grade are filled in order (which removes their symmetry).
 */
export function cohorts(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const members = new Map<string, Expr>();
  const byGroup = new Map<number, Expr>();
  for (const part of vars.parts) {
    if (!part.cohort || part.member === undefined) continue;
    getOrInsert(members, part.cohort.id, () => []).push([part.member, 1]);
    getOrInsert(byGroup, part.group, () => []).push([part.member, 1]);
  }
  const sections = cohortSections(vars);
  const busy = cohortBusy(vars);
  inst.cohorts.forEach((k, i) => {
    const mem = members.get(k.id) ?? [];
    const clash = { rule: 'cohort-clash', args: { cohort: k.id, pathway: k.pathway, grade: String(k.grade) } } as const;
    m.row(`cohortSize[${k.id}]`, mem, 0, k.size, { rule: 'cohort-size', args: { cohort: k.id } });
    for (const c of k.courses) {
      const open = sections.get(k.id)?.get(c) ?? [];
      m.row(`cohortNeeds[${k.id},${c}]`, [...mem, ...open.map(([col]) => [col, -k.size] as const)], -Infinity, 0, {
        rule: 'cohort-together',
        args: { cohort: k.id },
      });
    }
    for (const [slot, expr] of busy.get(k.id) ?? []) if (expr.length > 1) m.row(`cohortClash[${k.id},${slot}]`, expr, 0, 1, clash);
    const next = inst.cohorts[i + 1];
    if (next && next.pathway === k.pathway && next.grade === k.grade) {
      const nextMem = members.get(next.id) ?? [];
      m.row(`cohortOrder[${k.id}]`, [...mem, ...nextMem.map(([c, v]) => [c, -v] as const)], 0, Infinity);
    }
  });
  for (const [g, expr] of byGroup) m.row(`memberOnce[g${g}]`, expr, 0, inst.groups[g]?.students.length ?? 0);
}

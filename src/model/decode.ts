/**
 * Reading a solution of the integer program back as a board and a loading plan.
 */
import { numberSections, type PartPlan, type PlannedSection } from './plan.js';
import type { Formulation } from './formulation.js';

export interface Decoded {
  readonly sections: PlannedSection[];
  readonly parts: PartPlan[];
}

const count = (v: number | undefined) => Math.max(0, Math.round(v ?? 0));

export function decode(form: Formulation, values: readonly number[]): Decoded {
  const slotOrder = new Map(form.inst.slots.map((s, i) => [s.name, i]));
  const raw = form.vars.teach
    .filter((v) => count(values[v.col]) > 0)
    .map((v) => ({ course: v.course, teacher: v.teacher, slots: v.pattern.slots, pattern: v.pattern.key, ...(v.cohort ? { cohort: v.cohort } : {}) }));
  const sections = numberSections(raw, slotOrder);

  const parts: PartPlan[] = [];
  const inCohorts = new Map<number, number>();
  for (const part of form.vars.parts) {
    if (part.member !== undefined) inCohorts.set(part.group, (inCohorts.get(part.group) ?? 0) + count(values[part.member]));
  }
  for (const part of form.vars.parts) {
    const size = form.inst.groups[part.group]?.students.length ?? 0;
    const n = part.member !== undefined ? count(values[part.member]) : size - (inCohorts.get(part.group) ?? 0);
    const takes = new Map<number, Array<{ course: string; pattern: string; slots: readonly string[]; count: number }>>();
    for (const t of part.takes) {
      const k = count(values[t.col]);
      if (k === 0) continue;
      const list = takes.get(t.request) ?? [];
      list.push({ course: t.course, pattern: t.pattern.key, slots: t.pattern.slots, count: k });
      takes.set(t.request, list);
    }
    parts.push({ group: part.group, cohort: part.cohort?.id ?? null, count: n, takes });
  }
  return { sections, parts };
}

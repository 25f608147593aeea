import type { ModelBuilder, Expr } from '../builder.js';
import type { Instance } from '../instance.js';
import type { Vars } from '../variables.js';
import { teacherSlotIndex } from './index-teachers.js';

/** A teacher teaches at most one section in a slot. */
export function teacherClash(m: ModelBuilder, _inst: Instance, vars: Vars): void {
  for (const [teacher, bySlot] of teacherSlotIndex(vars.teach)) {
    for (const [slot, expr] of bySlot) if (expr.length > 1) m.row(`teacherClash[${teacher},${slot}]`, expr, 0, 1, { rule: 'teacher-clash', args: { teacher } });
  }
}

/** A teacher teaches at most `maxSections` sections. */
export function maxSections(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const load = new Map<string, Expr>();
  for (const v of vars.teach) {
    const e = load.get(v.teacher) ?? [];
    e.push([v.col, 1]);
    load.set(v.teacher, e);
  }
  for (const [teacher, expr] of load) {
    const max = inst.teachers.get(teacher)?.maxSections ?? 0;
    m.row(`teacherLoad[${teacher}]`, expr, 0, max, { rule: 'max-sections', args: { teacher } });
  }
}

/** In each term, a teacher keeps at least one available slot free of teaching (prep). */
export function prep(m: ModelBuilder, inst: Instance, vars: Vars): void {
  for (const [teacher, bySlot] of teacherSlotIndex(vars.teach)) {
    const available = inst.available.get(teacher);
    for (const term of inst.scenario.calendar.terms) {
      const slots = inst.slots.filter((s) => s.term === term && available?.has(s.name));
      if (slots.length === 0) continue;
      const expr = slots.flatMap((s) => bySlot.get(s.name) ?? []);
      m.row(`prep[${teacher},${term}]`, expr, 0, slots.length - 1, { rule: 'prep', args: { teacher, term } });
    }
  }
}

/** Each pathway team has `commonPlanning` slots in which none of its teachers teaches (all available). */
export function commonPlanning(m: ModelBuilder, inst: Instance, vars: Vars): void {
  const busy = teacherSlotIndex(vars.teach);
  for (const p of inst.scenario.pathways) {
    const slots = vars.cpt.get(p.id);
    if (!slots) continue;
    const rule = { rule: 'cpt', args: { pathway: p.id } } as const;
    m.row(
      `cptSlots[${p.id}]`,
      slots.map((s) => [s.col, 1] as const),
      p.commonPlanning,
      Infinity,
      rule,
    );
    for (const s of slots) {
      for (const t of p.team) {
        const expr = busy.get(t)?.get(s.slot) ?? [];
        if (expr.length > 0) m.row(`cptFree[${p.id},${t},${s.slot}]`, [...expr, [s.col, 1]], 0, 1, rule);
      }
    }
  }
}

/**
 * A complete schedule read back as a solution of the integer program, so that the greedy
 * CTE-first loader's schedule (found in well under a second at any size) can be the engine's
 * first incumbent and the warm start of every later stage. On the largest schools the program's
 * own first loading may not finish within the limit; with this the engine always has a schedule.
 */
import type { Formulation } from '../model/formulation.js';
import type { Schedule } from '../loading/schedule.js';
import { getOrInsert } from '../map-entry.js';

/**
 * Column values for the schedule: board columns of its sections, common planning time in every
 * slot where the whole team is free, and the loading counted by group, cohort, request and
 * placement. Placement counts only students the program's own rule counts (every other request
 * met by an A–G-safe choice), and a placed student's takes count in their `placedTake` columns. The caller checks the values against the model before use.
 */
export function scheduleToValues(form: Formulation, schedule: Schedule, columns: number): number[] {
  const { inst, vars } = form;
  const values = new Array<number>(columns).fill(0);
  const patternKey = (course: string, slots: readonly string[]) => {
    const want = [...slots].sort().join(',');
    return inst.courses.get(course)?.patterns.find((p) => [...p.slots].sort().join(',') === want)?.key;
  };
  const teachIndex = new Map(vars.teach.map((v) => [`${v.course}|${v.teacher}|${v.pattern.key}|${v.cohort ?? ''}`, v.col]));
  const sectionById = new Map(schedule.sections.map((s) => [s.id, { ...s, pattern: patternKey(s.course, s.slots) }]));
  for (const s of sectionById.values()) {
    const col = teachIndex.get(`${s.course}|${s.teacher}|${s.pattern ?? ''}|${s.cohort ?? ''}`);
    if (col !== undefined) values[col] = 1;
  }
  const busy = new Map<string, Set<string>>();
  for (const s of schedule.sections) for (const slot of s.slots) getOrInsert(busy, s.teacher, () => new Set()).add(slot);
  for (const [pathway, slots] of vars.cpt) {
    const team = inst.scenario.pathways.find((p) => p.id === pathway)?.team ?? [];
    for (const { slot, col } of slots) if (team.every((t) => !busy.get(t)?.has(slot))) values[col] = 1;
  }

  const partIndex = new Map(vars.parts.map((p) => [`${p.group}|${p.cohort?.id ?? ''}`, p]));
  const takeIndex = new Map<string, number>();
  for (const p of vars.parts) for (const t of p.takes) takeIndex.set(`${t.group}|${t.cohort ?? ''}|${t.request}|${t.course}|${t.pattern.key}`, t.col);
  const placedTakeOf = new Map(vars.parts.flatMap((p) => p.placedTakes.map((u) => [u.take.col, u.col] as const)));
  inst.groups.forEach((g, gi) => {
    for (const student of g.students) {
      const enrolled = (schedule.enrollments[student] ?? []).map((id) => sectionById.get(id)).filter((s) => s !== undefined);
      const cohort = enrolled.find((s) => s.cohort)?.cohort ?? '';
      const part = partIndex.get(`${gi}|${cohort}`) ?? partIndex.get(`${gi}|`);
      if (!part) continue;
      const label = part.cohort?.id ?? '';
      if (part.member !== undefined) values[part.member] = (values[part.member] ?? 0) + 1;
      const used = new Set<string>();
      let placed = part.placed !== undefined;
      const taken: number[] = [];
      g.requests.forEach((r, ri) => {
        if (part.cohort && r.cohort) return;
        const section = enrolled.find((s) => !s.cohort && !used.has(s.id) && r.choices.includes(s.course));
        const col = section && section.pattern !== undefined ? takeIndex.get(`${gi}|${label}|${ri}|${section.course}|${section.pattern}`) : undefined;
        if (section && col !== undefined) {
          used.add(section.id);
          values[col] = (values[col] ?? 0) + 1;
          taken.push(col);
          if (!r.safe.includes(section.course)) placed = false;
        } else placed = false;
      });
      if (!placed || part.placed === undefined) continue;
      values[part.placed] = (values[part.placed] ?? 0) + 1;
      for (const col of taken) {
        const u = placedTakeOf.get(col);
        if (u !== undefined) values[u] = (values[u] ?? 0) + 1;
      }
    }
  });
  return values;
}

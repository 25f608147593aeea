/**
 * Planned sections on the board (issue 14): a board found by the search may leave out regular
 * sections the plan allows (src/model/instance.ts), so students who request the course go unmet
 * although a section fits. Before the final loading, each missing planned section is put where it
 * fits: the first placement (teacher and slots, in the program's column order) that keeps every
 * row of the whole program, the incumbent loading unchanged. A section nobody then takes is
 * dropped when the schedule is named (src/loading/schedule.ts); one that fits nowhere is reported.
 */
import type { MipModel } from '../../solver/mip.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import type { Formulation } from '../model/formulation.js';
import type { TeachVar } from '../model/variables.js';
import { getOrInsert } from '../map-entry.js';

/** A course whose planned regular sections are not all on the board, and why. */
export interface MissingSection {
  readonly course: string;
  /** Planned regular sections (cohort sections not counted). */
  readonly planned: number;
  /** Regular sections on the board. */
  readonly placed: number;
  readonly reason: string;
}

const on = (values: readonly number[], col: number) => Math.round(values[col] ?? 0) > 0;

/**
 * The board of `values` with every planned regular section that fits added, and the courses still short.
 * @param values - a feasible solution of `model` (one value per column); not changed.
 * @returns the new values (feasible for `model`), how many sections were added, and the courses still short.
 */
export function addPlannedSections(
  form: Formulation,
  model: MipModel,
  values: readonly number[],
): { values: number[]; added: number; missing: MissingSection[] } {
  const out = [...values];
  const byCourse = new Map<string, TeachVar[]>();
  // Slots each teacher already teaches in: a placement clashing with them cannot fit, so it is not tested.
  const busy = new Map<string, Set<string>>();
  for (const v of form.vars.teach) {
    if (!v.cohort) getOrInsert(byCourse, v.course, () => []).push(v);
    if (on(out, v.col)) for (const s of v.pattern.slots) getOrInsert(busy, v.teacher, () => new Set()).add(s);
  }
  let added = 0;
  const missing: MissingSection[] = [];
  for (const [course, info] of [...form.inst.courses].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const planned = info.regularSections;
    const vars = byCourse.get(course) ?? [];
    let placed = vars.filter((v) => on(out, v.col)).length;
    for (const v of vars) {
      if (placed >= planned) break;
      if (on(out, v.col) || v.pattern.slots.some((s) => busy.get(v.teacher)?.has(s))) continue;
      out[v.col] = 1;
      if (checkFeasibility(model, out, 1e-6).feasible) {
        placed++;
        added++;
        for (const s of v.pattern.slots) getOrInsert(busy, v.teacher, () => new Set()).add(s);
      } else out[v.col] = 0;
    }
    if (placed < planned) {
      const reason =
        vars.length === 0
          ? 'no qualified teacher is available in any of its placements'
          : 'no placement fits the board: in each, its teachers are busy or would lose their prep or common planning period or pass maxSections, or no room of its type is free';
      missing.push({ course, planned, placed, reason });
    }
  }
  return { values: out, added, missing };
}

/**
 * The guard between the program and the schedule it names. A program solution is only counts
 * (so many students of a group take this course at that placement); the loader turns them into
 * named students in rooms. The named schedule is judged by the independent checker in the
 * program's own tiers, and when it falls short of the program's value for the same board, the
 * loading of that board is solved again with the students of the short groups standing alone
 * (where counts are the timetable). What still falls short is reported with both values, never
 * as the program's.
 */
import { fixColumns } from '../../solver/mip.js';
import { check, lookup, standings, type CheckResult } from '../checker/index.js';
import type { Scenario, Strategy } from '../scenario/schema.js';
import { schoolProgram } from '../model/program.js';
import type { MipResult } from '../../solver/backend.js';
import { evaluate, type Formulation } from '../model/formulation.js';
import { decode } from '../model/decode.js';
import { compareTierValues, tierValues, type ObjectiveTier, type StrategyObjective } from '../model/objective.js';
import { buildSchedule, type Schedule } from '../loading/schedule.js';
import { sectionKey } from './placement.js';
import { solveTiers, type TierSolveOptions, type TierSolveResult } from '../board/tiers.js';

/** A schedule judged by the checker, with its value in each tier of the objective. */
export interface Judged {
  readonly schedule: Schedule;
  readonly checked: CheckResult;
  /** The schedule's value per tier (students placed, requests met by effective priority), from the checker. */
  readonly tiers: number[];
}

/**
 * A schedule's value in each tier, counted from the checker's standings: pathway students placed,
 * and requests met by the checker's effective priority (the same as the model's), split by
 * students in or outside pathways as the tier asks.
 */
export function scheduleTiers(scenario: Scenario, schedule: Schedule, tiers: readonly ObjectiveTier[]): number[] {
  const all = standings(lookup(scenario, schedule));
  return tiers.map((t) => {
    if (t.kind === 'placed') return all.filter((s) => s.placed === true).length;
    let n = 0;
    for (const s of all) {
      const inPathway = s.student.pathway !== undefined;
      if (t.students === 'in pathways' && !inPathway) continue;
      if (t.students === 'outside pathways' && inPathway) continue;
      for (const line of s.match.lines) if (line.priority === t.kind && s.match.metBy.has(line.course)) n++;
    }
    return n;
  });
}

/**
 * The most any schedule can reach in each tier: the placement bound for students placed, and
 * every request of the tier's students for the request tiers. A schedule at every ceiling is
 * optimal for the whole objective without any solve.
 */
export function tierCeilings(scenario: Scenario, schedule: Schedule, tiers: readonly ObjectiveTier[], placementBound: number): number[] {
  const all = standings(lookup(scenario, schedule));
  return tiers.map((t) => {
    if (t.kind === 'placed') return placementBound;
    let n = 0;
    for (const s of all) {
      const inPathway = s.student.pathway !== undefined;
      if (t.students === 'in pathways' && !inPathway) continue;
      if (t.students === 'outside pathways' && inPathway) continue;
      for (const line of s.match.lines) if (line.priority === t.kind) n++;
    }
    return n;
  });
}

/** Checks a schedule and values it in the tiers. */
export function judge(scenario: Scenario, schedule: Schedule, tiers: readonly ObjectiveTier[]): Judged {
  return { schedule, checked: check(scenario, schedule), tiers: scheduleTiers(scenario, schedule, tiers) };
}

/** The named schedule of a program solution, judged. */
export function realise(form: Formulation, goal: StrategyObjective, values: readonly number[]): Judged {
  return judge(form.inst.scenario, buildSchedule(form.inst, decode(form, values)), goal.tiers);
}

/**
 * Groups whose named students meet fewer requests, or count fewer placed, than the program's
 * counts for them.
 */
export function shortGroups(form: Formulation, values: readonly number[], named: Judged): number[] {
  const count = (c: number | undefined) => (c === undefined ? 0 : Math.round(values[c] ?? 0));
  const promised = form.inst.groups.map(() => ({ met: 0, placed: 0 }));
  for (const part of form.vars.parts) {
    const p = promised[part.group]!;
    for (const t of part.takes) p.met += count(t.col);
    p.met += count(part.member) * form.inst.groups[part.group]!.requests.filter((r) => r.cohort).length;
    p.placed += count(part.placed);
  }
  const byStudent = new Map(standings(lookup(form.inst.scenario, named.schedule)).map((s) => [s.student.id, s]));
  return form.inst.groups.flatMap((g, gi) => {
    let met = 0;
    let placed = 0;
    for (const id of g.students) {
      const s = byStudent.get(id);
      met += s?.match.metBy.size ?? 0;
      placed += s?.placed === true ? 1 : 0;
    }
    return met < promised[gi]!.met || placed < promised[gi]!.placed ? [gi] : [];
  });
}

/** The loading of one board solved again with some students standing alone. */
export interface Repair {
  readonly form: Formulation;
  readonly goal: StrategyObjective;
  readonly result: TierSolveResult;
  /** The program's solution on the new grouping (the same board). */
  readonly values: number[];
  readonly named: Judged;
}

/**
 * Re-solves the loading of the board of `values` with the students of `groups` in groups of
 * their own, holding every section and common planning slot where it is.
 * @returns the new solution and its named schedule, or null when the solve returned nothing.
 */
export async function repairLoading(
  form: Formulation,
  strategy: Strategy,
  values: readonly number[],
  groups: readonly number[],
  options: Omit<TierSolveOptions, 'start' | 'held'>,
): Promise<Repair | null> {
  const scenario = form.inst.scenario;
  const alone = new Set(groups.flatMap((g) => form.inst.groups[g]?.students ?? []));
  const { form: split, goal, model } = schoolProgram(scenario, strategy, alone);
  const on = new Set(form.vars.teach.filter((v) => (values[v.col] ?? 0) > 0.5).map(sectionKey));
  const fixed = new Map(split.vars.teach.map((v) => [v.col, on.has(sectionKey(v)) ? 1 : 0]));
  const cptOn = new Set(
    [...form.vars.cpt.values()]
      .flat()
      .filter((c) => (values[c.col] ?? 0) > 0.5)
      .map((c) => form.builder.columns[c.col]!.name),
  );
  for (const c of [...split.vars.cpt.values()].flat()) fixed.set(c.col, cptOn.has(split.builder.columns[c.col]!.name) ? 1 : 0);
  const result = await solveTiers(fixColumns(model, fixed), goal, options);
  if (!result.values) return null;
  return { form: split, goal, result, values: result.values, named: realise(split, goal, result.values) };
}

/** The named schedule of a program solution, after the guard. */
export interface Guarded {
  readonly named: Judged;
  /** The program's tier values the schedule is measured against. */
  readonly promised: number[];
  /** The repair's solve, when one ran (its objective in its program's weights, bound only when comparable). */
  readonly repair: MipResult | null;
  /** Whether the delivered named schedule is the repair's (not the first program solution's). */
  readonly repaired: boolean;
}

/**
 * Names the students of a program solution and applies the guard: when the named schedule falls
 * short of the program's value, the board's loading is re-solved with the short groups split and
 * the repaired schedule kept when it is better. The schedule stays measured against the first
 * program's value: a repair that only confirms a lower value for the board (the first program's
 * counts were not realisable) leaves the shortfall to be reported.
 * @param repair - solver options for the repair, or null to skip it (an interrupted solve).
 */
export async function guardedSchedule(
  form: Formulation,
  goal: StrategyObjective,
  strategy: Strategy,
  values: readonly number[],
  repair: Omit<TierSolveOptions, 'start' | 'held'> | null,
): Promise<Guarded> {
  const named = realise(form, goal, values);
  const promised = tierValues(goal.tiers, values);
  if (!repair || compareTierValues(named.tiers, promised) >= 0) return { named, promised, repair: null, repaired: false };
  const again = await repairLoading(form, strategy, values, shortGroups(form, values, named), repair);
  if (!again) return { named, promised, repair: null, repaired: false };
  const run: MipResult =
    again.result.weights === again.goal.weights
      ? again.result
      : { ...again.result, objective: evaluate(again.goal.objective, again.values), bound: null, gap: null };
  const repaired = compareTierValues(again.named.tiers, named.tiers) > 0;
  return { named: repaired ? again.named : named, promised, repair: run, repaired };
}

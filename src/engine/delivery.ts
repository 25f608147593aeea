/**
 * Which schedule a solve delivers. The incumbent program solution is the engine's best in the
 * program's tiers, but the program counts students by group, so its named schedule may fall
 * short of what an earlier incumbent's would reach; and a stage stopped by Ctrl-C or the clock
 * may leave its best board unloaded (src/engine/runners.ts). So every schedule the solve held is
 * named and judged by the independent checker, and the best is delivered: a valid one first,
 * then the higher tier values (src/model/objective.ts, strict priorities). Ties keep the earlier
 * candidate, the program's incumbent first.
 */
import { compareTierValues } from '../model/objective.js';
import { judge, realise, type Judged } from './realise.js';
import type { SolveRun } from './run-state.js';

/** A named, judged schedule and the stage (or `greedy loader`, `start`) it comes from. */
export interface Candidate {
  readonly judged: Judged;
  readonly from: string;
}

/** The better of two judged schedules: a valid one, then the higher tiers; ties keep `a`. */
export function betterJudged(a: Judged, b: Judged): Judged {
  if (a.checked.valid !== b.checked.valid) return a.checked.valid ? a : b;
  return compareTierValues(b.tiers, a.tiers) > 0 ? b : a;
}

/**
 * The schedule to deliver: the incumbent's named schedule (`incumbent`, after the guard), every
 * program solution the run set aside, the caller's start schedule and the greedy loader's, each
 * judged by the checker.
 */
export function deliveredSchedule(run: SolveRun, incumbent: Candidate): Candidate {
  const { scenario, start } = run.settings;
  const { form, goal } = run.program;
  const others: Array<() => Candidate> = [
    // Latest first, so that of equal schedules the later stage's is named.
    ...[...run.setAside]
      .reverse()
      .filter((c) => c.values !== run.values)
      .map((c) => () => ({ judged: realise(form, goal, c.values), from: c.from })),
    ...(start ? [() => ({ judged: judge(scenario, start, goal.tiers), from: 'start' })] : []),
    () => ({ judged: judge(scenario, run.greedy.loaderSchedule, goal.tiers), from: 'greedy loader' }),
  ];
  let best = incumbent;
  for (const next of others) {
    const other = next();
    if (betterJudged(best.judged, other.judged) !== best.judged) best = other;
  }
  return best;
}

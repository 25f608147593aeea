/**
 * A schedule's value in each tier of a strategy's objective, read off the independent checker's
 * standings (pathway students placed, and requests met by the checker's effective priority), in
 * the order of helpers/brute-force-tiers.ts `tierNames`.
 */
import { lookup, standings, type Schedule } from '../../src/checker/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { TierOrder } from './brute-force-tiers.js';

const PRIORITIES = ['required', 'requested', 'recommended'] as const;

export function checkedTiers(scenario: Scenario, schedule: Schedule, order: TierOrder): number[] {
  const all = standings(lookup(scenario, schedule));
  const placed = all.filter((s) => s.placed === true).length;
  const met = (inPathway: boolean | null) =>
    PRIORITIES.map((p) =>
      all
        .filter((s) => inPathway === null || (s.student.pathway !== undefined) === inPathway)
        .reduce((n, s) => n + s.match.lines.filter((l) => l.priority === p && s.match.metBy.has(l.course)).length, 0),
    );
  return order === 'cte-first' ? [placed, ...met(null)] : [...met(false), placed, ...met(true)];
}

/**
 * A schedule's value in the whole program's objective, counted from the independent checker's
 * standings (helpers/checked-tiers.ts) and weighted with the program's own tier weights, so that
 * a schedule can be compared with the objective a solver reports for the program.
 */
import type { Schedule } from '../../src/checker/index.js';
import type { Scenario, Strategy } from '../../src/scenario/schema.js';
import type { Formulation } from '../../src/model/formulation.js';
import type { ObjectiveTier } from '../../src/model/objective.js';
import { strategyObjective } from '../../src/model/objective.js';
import { checkedTiers } from './checked-tiers.js';

const PRIORITIES = ['required', 'requested', 'recommended'] as const;

/** Where the program's tier sits in helpers/checked-tiers.ts's order (which keeps empty tiers). */
function position(tier: ObjectiveTier, strategy: Strategy): number {
  if (tier.kind === 'placed') return strategy === 'cte-first' ? 0 : 3;
  const p = PRIORITIES.indexOf(tier.kind);
  if (strategy === 'cte-first') return p + 1;
  return tier.students === 'outside pathways' ? p : 4 + p;
}

/** Σ weight × the checker's count, over the tiers of the strategy's objective on this formulation. */
export function checkedObjective(scenario: Scenario, schedule: Schedule, strategy: Strategy, form: Formulation): number {
  const goal = strategyObjective(strategy, form);
  const counts = checkedTiers(scenario, schedule, strategy);
  return goal.tiers.reduce((sum, t, i) => sum + goal.weights[i]! * counts[position(t, strategy)]!, 0);
}

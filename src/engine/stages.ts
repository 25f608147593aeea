/**
 * The strategies as lexicographic stages: each stage optimises one objective while every earlier
 * stage's achieved value is held as a floor, so the first objective dominates exactly (no weights
 * to tune) and the first stage's proven bound is a bound on that objective.
 */
import type { Strategy } from '../scenario/schema.js';
import type { Expr } from '../model/builder.js';
import type { ObjectiveTerms } from '../model/formulation.js';

export interface Stage {
  readonly name: string;
  readonly objective: Expr;
  /** Share of the remaining time this stage may use. */
  readonly timeShare: number;
}

function total(expr: Expr): number {
  return expr.reduce((s, [, v]) => s + Math.abs(v), 0);
}

/**
 * `cte-first`: pathway students placed, then weighted requests met (all students).
 * `academic-first`, the traditional order: requests of students outside pathways, then pathway
 * placement, with pathway students' requests as the tie-break.
 */
export function stagesFor(strategy: Strategy, terms: ObjectiveTerms): Stage[] {
  if (strategy === 'cte-first') {
    return [
      { name: 'pathway placement', objective: terms.placed, timeShare: 0.6 },
      { name: 'requests', objective: terms.requests, timeShare: 1 },
    ];
  }
  // Weight on placement dominates every pathway request together, so placement comes first there.
  const w = total(terms.pathwayRequests) + 1;
  return [
    { name: 'non-pathway requests', objective: terms.nonPathwayRequests, timeShare: 0.6 },
    { name: 'pathway placement', objective: [...terms.placed.map(([c, v]) => [c, v * w] as const), ...terms.pathwayRequests], timeShare: 1 },
  ];
}

/**
 * The strategies as objectives and stages. Each strategy is one lexicographic order of objective
 * tiers (src/model/objective.ts), combined with weights that provably dominate: a tier's weight
 * exceeds the most every later tier together can change, so one more unit of an earlier tier
 * always wins; where the weights grow too large the tiers are solved in turn (src/engine/tiers.ts).
 * Where placement comes first, stage 0 (`placement search`) searches for the board placing the
 * most pathway students on the placement program, which leaves out the students outside pathways
 * (src/engine/placement.ts), then loads every student on it. Otherwise stage 1 loads the greedy
 * CTE-first board optimally (a first schedule and the warm start); stage 2 (`search`) improves the board by large-neighbourhood search (src/board/lns.ts);
 * stage 3 (`board`) solves the whole program, on small programs only and only while pathway
 * placement is below its bound (there it may close and prove the optimum);
 * stage 4 (`loading`) fixes the best board found and re-solves the loading alone.
 */
import type { Strategy } from '../scenario/schema.js';
import type { Expr } from '../model/builder.js';
import type { Formulation } from '../model/formulation.js';
import { dominatingWeights, objectiveTiers, tierRanges, weightedExpr, type ObjectiveTier } from '../model/objective.js';

export interface Stage {
  readonly name: string;
  /**
   * `placement`: search for the board placing the most pathway students, then every student
   * loaded on it; `greedy`: the greedy board held fixed, loading solved; `search`:
   * large-neighbourhood search on the board; `whole`: the whole program; `loading`: the best
   * board held fixed.
   */
  readonly kind: 'placement' | 'greedy' | 'search' | 'whole' | 'loading';
  /** Share of the remaining time this stage may use. */
  readonly timeShare: number;
}

export interface StrategyObjective {
  /** The strategy's tiers, highest first (src/model/objective.ts). */
  readonly tiers: readonly ObjectiveTier[];
  /** Dominating weights of the tiers over the whole program. */
  readonly weights: readonly number[];
  /** The weighted sum: the whole program's objective (what model files carry). */
  readonly objective: Expr;
  /** Weight of one placed pathway student when placement is the first tier (0 otherwise). */
  readonly placedWeight: number;
}

/** The strategy's objective on a formulation: its tiers and their dominating weights over the whole program. */
export function strategyObjective(strategy: Strategy, form: Formulation): StrategyObjective {
  const tiers = objectiveTiers(form, strategy);
  const weights = dominatingWeights(tierRanges(tiers));
  return { tiers, weights, objective: weightedExpr(tiers, weights), placedWeight: tiers[0]?.kind === 'placed' ? weights[0]! : 0 };
}

export const STAGES: readonly Stage[] = [
  { name: 'placement search', kind: 'placement', timeShare: 0.5 },
  { name: 'greedy board', kind: 'greedy', timeShare: 0.2 },
  { name: 'search', kind: 'search', timeShare: 0.75 },
  { name: 'board', kind: 'whole', timeShare: 0.7 },
  { name: 'loading', kind: 'loading', timeShare: 1 },
];

/**
 * Work limits of the stages, in search steps and branch-and-bound nodes rather than seconds, so
 * that the same scenario and seed give the same schedule on any machine. The time limit stays
 * a cap over them; a stage it cuts makes the solve depend on the machine, and the report says so
 * (`reproducible: false`).
 */
export interface WorkBudget {
  /** Steps of the placement search. */
  readonly placementSteps: number;
  /** Steps of the board search. */
  readonly searchSteps: number;
  /** Node limit of one search step. */
  readonly stepNodes: number;
  /** Node limit of a stage's whole solve (the greedy board's loading, the whole program, the final loading). */
  readonly stageNodes: number;
}

/**
 * The budget for a time limit. Steps cost 0.3–9 s on the reference machine (2 cores, two steps
 * at once) depending on the school, so no count fits every school: these are the counts the
 * cheap steps use up within the limit (mesa, 30 s: 12 placement steps placed 139 of 161, where 2
 * placed 97), while on large schools the clock ends the search first and the report says so.
 */
export function workBudget(limitSeconds: number): WorkBudget {
  const pairs = (seconds: number) => Math.max(1, Math.floor(limitSeconds / seconds)) * 2;
  return { placementSteps: pairs(5), searchSteps: pairs(1), stepNodes: 500, stageNodes: 100 };
}

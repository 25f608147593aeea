/**
 * A solve that ends on small work limits long before a time limit no machine reaches: the same
 * schedule on every machine, in a few seconds, for tests that need a real schedule of a fixture
 * but not a good one (exports, the HTML report). Every stage stops at its root node; the board
 * search takes no step.
 */
import { solve, type SolveOutcome } from '../../src/engine/solve.js';
import type { WorkBudget } from '../../src/engine/stages.js';
import type { Scenario } from '../../src/scenario/schema.js';

export const QUICK_BUDGET: WorkBudget = { placementSteps: 1, searchSteps: 0, stepNodes: 1, stageNodes: 0 };

/** The scenario solved on {@link QUICK_BUDGET}; throws unless it is scheduled and reproducible. */
export async function quickSolve(scenario: Scenario): Promise<Extract<SolveOutcome, { status: 'scheduled' }>> {
  const outcome = await solve(scenario, { timeLimitSeconds: 600, seed: 1, workBudget: QUICK_BUDGET });
  if (outcome.status !== 'scheduled') throw new Error(`${scenario.name} did not solve: ${outcome.status}`);
  if (outcome.solution.report.solver.reproducible !== true) throw new Error(`${scenario.name}: a stage was cut by the clock`);
  return outcome;
}

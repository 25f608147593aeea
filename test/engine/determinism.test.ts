/**
 * Same scenario, seed and work budget, same schedule: every stage of the engine stops at a work
 * limit (steps, nodes) or by itself. The test gives a budget that ends every stage long before a
 * time limit no machine reaches, so nothing here depends on the machine's speed; and a school
 * large enough that stages do end on their work limits (a random small school's program closes
 * at the root and would test nothing). The board search takes no step here: each step's own
 * allowance is capped at 20 s of wall time, which a loaded 2-core machine exceeded; its
 * determinism under work limits is tested with a clock that never moves (board-search.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { generateScenario } from '../../src/generate/index.js';
import { solve } from '../../src/engine/solve.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { workBudget, type WorkBudget } from '../../src/engine/stages.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

describe('determinism', () => {
  it('gives the same schedule twice, with one worker or two, when every stage ends on its work limit', async () => {
    const scenario = parseScenario(generateScenario({ students: 60, calendar: 'ab8', pathways: 1, seed: 1 }));
    // The whole program and both loadings stop at their root node.
    const budget: WorkBudget = { placementSteps: 2, searchSteps: 0, stepNodes: 20, stageNodes: 0 };
    const options = { timeLimitSeconds: 3600, seed: 3, workBudget: budget };
    const runs = [await solve(scenario, options), await solve(scenario, { ...options, parallel: 1 })];
    for (const r of runs) {
      expect(r.status).toBe('scheduled');
      if (r.status !== 'scheduled') continue;
      expect(r.solution.report.solver.reproducible).toBe(true);
      // The work-limited path, not only stages that closed by themselves.
      expect(r.solution.report.solver.termination).toBe('work-limit');
      expect(r.solution.report.solver.stages.map((s) => s.status)).toContain('node-limit');
    }
    const [a, b] = runs.map((r) =>
      r.status === 'scheduled' ? { sections: r.solution.sections, enrollments: r.solution.enrollments, figures: r.solution.report.figures } : null,
    );
    expect(b).toEqual(a);
  });

  it('budgets grow with the time limit and never drop to zero', () => {
    const short = workBudget(1);
    const long = workBudget(300);
    expect(short.placementSteps).toBeGreaterThan(0);
    expect(short.searchSteps).toBeGreaterThan(0);
    expect(long.placementSteps).toBeGreaterThan(short.placementSteps);
    expect(long.searchSteps).toBeGreaterThan(short.searchSteps);
  });
});

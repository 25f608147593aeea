/**
 * Same scenario and seed, same schedule: every stage of the engine stops at a work limit (steps,
 * nodes) or by itself, never at a point the clock picks, unless the time limit cuts it, and the
 * report says which happened.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../src/scenario/parse.js';
import { solve } from '../src/engine/solve.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { workBudget } from '../src/engine/stages.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

describe('determinism', () => {
  it('gives the same schedule twice when no stage is cut by the clock', async () => {
    const scenario = readScenarioFile('fixtures/tiny-ab.json');
    const runs = [await solve(scenario, { timeLimitSeconds: 60, seed: 3 }), await solve(scenario, { timeLimitSeconds: 60, seed: 3, parallel: 1 })];
    for (const r of runs) {
      expect(r.status).toBe('scheduled');
      if (r.status === 'scheduled') expect(r.solution.report.solver.reproducible).toBe(true);
    }
    const [a, b] = runs.map((r) => (r.status === 'scheduled' ? { sections: r.solution.sections, enrollments: r.solution.enrollments, figures: r.solution.report.figures } : null));
    expect(b).toEqual(a);
  }, 300_000);

  it('budgets grow with the time limit and never drop to zero', () => {
    const short = workBudget(1);
    const long = workBudget(300);
    expect(short.placementSteps).toBeGreaterThan(0);
    expect(short.searchSteps).toBeGreaterThan(0);
    expect(long.placementSteps).toBeGreaterThan(short.placementSteps);
    expect(long.searchSteps).toBeGreaterThan(short.searchSteps);
  });
});

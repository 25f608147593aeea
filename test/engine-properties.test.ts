/**
 * Properties of the engine on tiny random schools: the checker accepts every schedule any backend
 * returns, the program's placement equals a brute-force optimum, and CTE-first never places fewer
 * pathway students than academic-first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../src/scenario/parse.js';
import { solve } from '../src/engine/solve.js';
import { check } from '../src/checker/index.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { SOLVER_NAMES } from '../src/scenario/schema.js';
import { tinySchool, tinySchoolShape } from './helpers/tiny-school.js';
import { bruteForcePlaced } from './helpers/brute-force.js';

// CI prints the seed so a failure can be replayed with FC_SEED.
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);

afterAll(async () => {
  await shutdownSolverWorkers();
});

describe('engine on tiny random schools', () => {
  it('places as many pathway students as the brute-force optimum', async () => {
    await fc.assert(
      fc.asyncProperty(tinySchoolShape, async (shape) => {
        const scenario = parseScenario(tinySchool(shape));
        const outcome = await solve(scenario, { timeLimitSeconds: 20 });
        const best = bruteForcePlaced(scenario);
        if (outcome.status !== 'scheduled') {
          // No board satisfies the hard rules at all: brute force must agree that nothing is placeable.
          expect(outcome.status).toBe('infeasible');
          return;
        }
        expect(outcome.check.valid).toBe(true);
        expect(outcome.check.figures.pathwayPlaced.count).toBe(best);
      }),
      { numRuns: 25, seed },
    );
  });

  it('CTE-first never places fewer pathway students than academic-first', async () => {
    await fc.assert(
      fc.asyncProperty(tinySchoolShape, async (shape) => {
        const scenario = parseScenario(tinySchool(shape));
        const cte = await solve(scenario, { strategy: 'cte-first', timeLimitSeconds: 20 });
        const academic = await solve(scenario, { strategy: 'academic-first', timeLimitSeconds: 20 });
        if (cte.status !== 'scheduled' || academic.status !== 'scheduled') {
          expect(cte.status).toBe(academic.status);
          return;
        }
        expect(cte.check.figures.pathwayPlaced.count).toBeGreaterThanOrEqual(academic.check.figures.pathwayPlaced.count);
      }),
      { numRuns: 15, seed },
    );
  });

  for (const backend of SOLVER_NAMES) {
    it(`every schedule the ${backend} backend returns passes the checker`, async () => {
      await fc.assert(
        fc.asyncProperty(tinySchoolShape, async (shape) => {
          const scenario = parseScenario(tinySchool(shape));
          const outcome = await solve(scenario, { solver: backend, timeLimitSeconds: 10 });
          if (outcome.status !== 'scheduled') return;
          const independent = check(scenario, outcome.solution);
          expect(independent.violations).toEqual([]);
          expect(independent.figures).toEqual(outcome.solution.report.figures);
        }),
        { numRuns: 8, seed },
      );
    });
  }
});

/**
 * A solve holds nothing once it has returned: the board search sends thousands of step programs
 * to the same solver worker, and each one a solve kept alive (a listener chained on the worker's
 * failure, which a healthy worker never settles) stayed in memory until the worker died. That
 * grew Crestwood's 60 s solve to 2.9 GB; this test fails on such a listener.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { MipModel } from '../../solver/mip.js';
import { solveMip } from '../../solver/run.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { knapsack, KNAPSACK_OPTIMUM } from '../helpers/mip-models.js';

// The collector, from a context created after the flag is set (the test runner starts Node without --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** A fresh copy of the shared knapsack for each solve (optimum KNAPSACK_OPTIMUM). */
const freshKnapsack = (): MipModel => structuredClone(knapsack);

describe('solveMip', () => {
  it('keeps no model, start or incumbent once it returns, while its worker lives on for the next solve', async () => {
    // Each solve in its own function: a suspended async function may keep its last locals alive.
    const solveOnce = async (): Promise<WeakRef<MipModel>> => {
      const model = freshKnapsack();
      const result = await solveMip(model, { backend: 'highs', timeLimitSeconds: 10, mipGap: 0, seed: 1, start: [0, 0, 0, 0] });
      expect(result.termination).toBe('optimal');
      expect(result.objective).toBe(KNAPSACK_OPTIMUM);
      return new WeakRef(model);
    };
    const refs: Array<WeakRef<MipModel>> = [];
    for (let i = 0; i < 3; i++) refs.push(await solveOnce());
    for (let round = 0; round < 10 && refs.some((r) => r.deref() !== undefined); round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collect();
    }
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  });
});

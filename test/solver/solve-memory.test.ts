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

// The collector, from a context created after the flag is set (the test runner starts Node without --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

afterAll(async () => {
  await shutdownSolverWorkers();
});

const knapsack = (): MipModel => ({
  sense: 'max',
  columns: [3, 4, 5, 6].map((w, j) => ({ name: `x${j}`, kind: 'binary', lb: 0, ub: 1, obj: w + j })),
  rows: [{ name: 'capacity', cols: [0, 1, 2, 3], coefs: [3, 4, 5, 6], lb: -Infinity, ub: 10 }],
});

describe('solveMip', () => {
  it('keeps no model, start or incumbent once it returns, while its worker lives on for the next solve', async () => {
    // Each solve in its own function: a suspended async function may keep its last locals alive.
    const solveOnce = async (): Promise<WeakRef<MipModel>> => {
      const model = knapsack();
      const result = await solveMip(model, { backend: 'highs', timeLimitSeconds: 10, mipGap: 0, seed: 1, start: [0, 0, 0, 0] });
      expect(result.termination).toBe('optimal');
      expect(result.objective).toBe(14);
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

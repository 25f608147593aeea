/**
 * A solver worker that holds too much memory once its solve ends is retired, not kept idle: its
 * WebAssembly memory never shrinks while the thread lives (solver/worker-pool.ts). The next solve
 * then runs on a fresh worker and still gives the same answer.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MipModel } from '../../solver/mip.js';
import { solveMip } from '../../solver/run.js';
import { loadBackend } from '../../solver/backends/index.js';
import { DEFAULT_WORKER_MEMORY_LIMIT, idleWorkerCount, setWorkerMemoryLimit, shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { knapsack, KNAPSACK_OPTIMUM } from '../helpers/mip-models.js';

afterEach(() => {
  setWorkerMemoryLimit(DEFAULT_WORKER_MEMORY_LIMIT);
});
afterAll(async () => {
  await shutdownSolverWorkers();
});

/** A fresh copy of the shared knapsack for each solve (optimum KNAPSACK_OPTIMUM). */
const freshKnapsack = (): MipModel => structuredClone(knapsack);

const solveKnapsack = () => solveMip(freshKnapsack(), { backend: 'highs', timeLimitSeconds: 10, mipGap: 0, seed: 1 });

describe('solver worker memory', () => {
  it('keeps a worker below the limit idle for the next solve', async () => {
    await shutdownSolverWorkers();
    const result = await solveKnapsack();
    expect(result.objective).toBe(KNAPSACK_OPTIMUM);
    expect(idleWorkerCount()).toBe(1);
  });

  it('retires a worker holding more than the limit, and the next solve runs on a fresh one with the same answer', async () => {
    await shutdownSolverWorkers();
    // Every worker holds more than one byte: each is retired once its solve ends.
    setWorkerMemoryLimit(1);
    const first = await solveKnapsack();
    expect(idleWorkerCount()).toBe(0);
    const second = await solveKnapsack();
    expect(idleWorkerCount()).toBe(0);
    expect([first.termination, second.termination]).toEqual(['optimal', 'optimal']);
    expect(second.values).toEqual(first.values);
    expect(second.objective).toBe(KNAPSACK_OPTIMUM);
  });

  it('refuses a limit that is not a positive number of bytes', () => {
    expect(() => setWorkerMemoryLimit(0)).toThrow(TypeError);
    expect(() => setWorkerMemoryLimit(Number.NaN)).toThrow(TypeError);
  });

  it('reads the WebAssembly memory of the HiGHS runtime, which the pool counts', async () => {
    const backend = await loadBackend('highs');
    const result = await backend.solve(freshKnapsack(), { timeLimitSeconds: 10, mipGap: 0, seed: 1 }, {});
    expect(result.objective).toBe(KNAPSACK_OPTIMUM);
    expect(backend.memoryBytes?.()).toBeGreaterThan(0);
  });
});

/**
 * A board held fixed is never sent to a solver worker: the loading of a board (the placement
 * loading, the final loading) and the placement search's solve of the greedy board send only
 * what can move, without the board's columns and without the seats of sections not on the board
 * (solver/submodel.ts). Sent whole, the 3,500-student benchmark school's loading (458,174
 * columns) added about 0.9 GB to the process while it ran (benchmarks/notes.md, "Peak memory of
 * L and XL").
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MipModel } from '../../solver/mip.js';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { solve } from '../../src/engine/solve.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { QUICK_BUDGET } from '../helpers/quick-solve.js';

/** Every model a solver worker received. */
const sent: MipModel[] = [];
vi.mock('../../solver/run.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../solver/run.js')>();
  return {
    ...real,
    solveMip: (model: MipModel, options: Parameters<typeof real.solveMip>[1]) => {
      sent.push(model);
      return real.solveMip(model, options);
    },
  };
});

afterAll(async () => {
  await shutdownSolverWorkers();
});

const isBoard = (name: string) => /^(teach|cohortTeach|cpt)\[/.test(name);

describe('a held board', () => {
  it('is not in the models sent to the solver, and the board is loaded', async () => {
    // valley-ab-150: a program large enough for the placement search and its loading.
    const outcome = await solve(readScenarioFile('fixtures/valley-ab-150.json'), { timeLimitSeconds: 600, seed: 1, workBudget: QUICK_BUDGET });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    expect(outcome.solution.report.solver.stages.map((s) => s.name)).toContain('placement loading');
    expect(outcome.check.valid).toBe(true);
    // A model whose board columns are all fixed is a held board sent whole.
    const wholeBoards = sent.filter((m) => {
      const board = m.columns.filter((c) => isBoard(c.name));
      return board.length > 0 && board.every((c) => c.lb === c.ub);
    });
    expect(sent.length).toBeGreaterThan(2);
    expect(wholeBoards.map((m) => m.columns.length)).toEqual([]);
  });
});

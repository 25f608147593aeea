/** LP/MPS writers, the solution-file reader, and the worker's containment of WASM failures. */
import { afterAll, describe, expect, it } from 'vitest';
import highsModule from 'highs';
import { readSolutionFile, shutdownSolverWorkers, solveMip, writeLp, writeMps } from '../../solver/index.js';
import { GlpkMissingError, glpkRuntime } from '../../wasm/glpk.js';
import * as m from '../helpers/mip-models.js';

const loadHighs = highsModule as unknown as (typeof highsModule)['default'];
afterAll(() => shutdownSolverWorkers());

describe('writeLp', () => {
  it.each([
    ['knapsack', m.knapsack, m.KNAPSACK_OPTIMUM],
    ['ranges and integers', m.equalityAndRanges, m.EQUALITY_OPTIMUM],
    ['offset', m.knapsackWithOffset, m.KNAPSACK_OPTIMUM + 100],
    ['minimisation', m.knapsackMin, -m.KNAPSACK_OPTIMUM],
  ])('round-trips %s through HiGHS LP parsing to the same optimum', async (_, model, optimum) => {
    const highs = await loadHighs();
    const { text, columnNames } = writeLp(model);
    expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(columnNames.every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))).toBe(true);
    const r = highs.solve(text, { output_flag: false });
    expect(r.Status).toBe('Optimal');
    expect(r.ObjectiveValue).toBeCloseTo(optimum, 6);
  });

  it('sanitises names uniquely', () => {
    const { columnNames } = writeLp({
      sense: 'max',
      columns: ['teach[A,B]', 'teach[A.B]', '9x', 'end'].map((name) => ({ name, kind: 'binary', lb: 0, ub: 1, obj: 1 })),
      rows: [],
    });
    expect(columnNames).toEqual(['teach_A_B', 'teach_A_B_2', '_9x', '_end']);
  });
});

describe('writeMps', () => {
  it('writes rows, integer markers, ranges, bounds and the offset (free format)', () => {
    const { text } = writeMps({ ...m.equalityAndRanges, objOffset: 5 });
    expect(text).toContain('ROWS\n N OBJ\n E r_sum\n G r_diff');
    expect(text).toMatch(/MARKER0 'MARKER' 'INTORG'/);
    expect(text).toMatch(/MARKER1 'MARKER' 'INTEND'/);
    expect(text).toContain(' RNG r_diff 1');
    expect(text).toContain(' RHS OBJ -5');
    expect(text).toContain(' LO BND c 1');
    expect(text).toContain(' UP BND c 10');
  });

  it('is read by HiGHS to the same optimum in both styles', async () => {
    const highs = await loadHighs();
    for (const style of ['free', 'fixed'] as const) {
      const { text } = writeMps(m.equalityAndRanges, style);
      const model = highs.createModel({ format: 'mps', data: new TextEncoder().encode(text) });
      try {
        model.options.set({ output_flag: false });
        model.run();
        expect(model.getObjectiveValue()).toBeCloseTo(m.EQUALITY_OPTIMUM, 6);
      } finally {
        model.dispose();
      }
    }
  });
});

describe('readSolutionFile', () => {
  const names = ['x', 'y', 'z'];
  it('reads a CBC solution file (zeros omitted)', () => {
    const s = readSolutionFile('Optimal - objective value 18.00000000\n      1 y                      4                       0\n', names);
    expect(s).toEqual({ values: [0, 4, 0], objective: 18, status: 'Optimal', unknownNames: [], primal: null, valueLines: 1, unreadLines: [] });
  });
  it('reads a HiGHS raw solution file, columns only', () => {
    const text = 'Model status\nOptimal\n\n# Primal solution values\nFeasible\nObjective 18\n# Columns 3\nx 1\ny 4\nz 0\n# Rows 1\nc 5\n';
    expect(readSolutionFile(text, names)).toEqual({
      values: [1, 4, 0],
      objective: 18,
      status: 'Optimal',
      unknownNames: [],
      primal: 'Feasible',
      valueLines: 3,
      unreadLines: [],
    });
  });
  it('reads a Gurobi .sol file and reports unknown names', () => {
    const s = readSolutionFile('# Solution for model m\n# Objective value = 7\nx 1\nq 2\n', names);
    expect(s.values).toEqual([1, 0, 0]);
    expect(s.objective).toBe(7);
    expect(s.unknownNames).toEqual(['q']);
  });
});

describe('worker containment', () => {
  it('turns a WASM abort inside HiGHS into an error, discards the worker, and solves again', async () => {
    const r = await solveMip(m.hardKnapsack(), { backend: 'highs', timeLimitSeconds: 5, mipGap: 0, seed: 1, testCrash: 'wasm-abort' });
    expect(r.termination).toBe('error');
    expect(r.message).toMatch(
      /^HiGHS aborted inside WebAssembly on a model with 120 columns \/ 960 nonzeros: .*Aborted\(simulated abort for tests\).*discarded$/,
    );
    const next = await solveMip(m.knapsack, { backend: 'highs', timeLimitSeconds: 5, mipGap: 0, seed: 1 });
    expect(next.objective).toBeCloseTo(m.KNAPSACK_OPTIMUM, 6);
  });

  it('terminates a worker that overruns its time limit (the deadline backstop)', async () => {
    const r = await solveMip(m.knapsack, { backend: 'highs', timeLimitSeconds: 0.5, mipGap: 0, seed: 1, testCrash: 'hang' });
    expect(r.termination).toBe('time-limit');
    expect(r.values).toBeNull();
    expect(r.message).toMatch(/overran its 0.5 s time limit; the worker was terminated after \d+\.\d s/);
  });

  it('explains how to install glpk.js when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'glpk.js'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(glpkRuntime(() => Promise.reject(missing))).rejects.toThrow(GlpkMissingError);
    await expect(glpkRuntime(() => Promise.reject(missing))).rejects.toThrow('the glpk backend needs the optional package glpk.js: npm install glpk.js');
  });
});

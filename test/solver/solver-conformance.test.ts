/**
 * One conformance suite for every backend, run through solveMip (worker threads), skipping only
 * what a backend declares it cannot do. No assertion reads the clock: the time-limit test uses a
 * model no machine closes within its limit, and the elapsed times are in benchmarks/solver-limits.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKEND_NAMES,
  backendCapabilities,
  backendInstalled,
  checkFeasibility,
  shutdownSolverWorkers,
  solveMip,
  type BackendName,
} from '../../solver/index.js';
import type { MipModel } from '../../solver/mip.js';
import * as m from '../helpers/mip-models.js';

afterAll(() => shutdownSolverWorkers());

const solve = (model: MipModel, backend: BackendName, extra: Partial<Parameters<typeof solveMip>[1]> = {}) =>
  solveMip(model, { backend, timeLimitSeconds: 10, mipGap: 0, seed: 1, ...extra });

function expectIntegralFeasible(model: MipModel, values: number[] | null): void {
  expect(values).not.toBeNull();
  const report = checkFeasibility(model, values ?? []);
  expect(report.firstProblem).toBeUndefined();
  model.columns.forEach((c, j) => {
    if (c.kind !== 'continuous') expect(Number.isInteger(values?.[j])).toBe(true);
  });
}

const INSTALLED = BACKEND_NAMES.filter((name) => backendInstalled(name));
const MISSING = BACKEND_NAMES.filter((name) => !backendInstalled(name));
if (MISSING.length > 0) {
  console.warn(
    `\n*** solver conformance: NOT RUN for ${MISSING.join(', ')}: optional package not installed ` +
      `(cpsat: npm install --no-save or-tools-wasm). Only its missing-package error is tested. ***\n`,
  );
}

describe.each(MISSING)('backend %s (optional package NOT INSTALLED: its conformance is not run)', (backend) => {
  it('says which package to install, as a solve error', async () => {
    const r = await solve(m.knapsack, backend);
    expect(r.termination).toBe('error');
    expect(r.message).toMatch(/needs the optional package .+: npm install /);
  });
});

describe.each(INSTALLED)('backend %s', (backend) => {
  const caps = backendCapabilities(backend);

  it.runIf(caps.integerOnly)('refuses a model with a continuous column, saying which', async () => {
    const r = await solve(m.smallLp, backend);
    expect(r.termination).toBe('error');
    expect(r.values).toBeNull();
    expect(r.message).toMatch(/column x is continuous/);
  });

  it.runIf(!caps.integerOnly)('solves a small LP', async () => {
    const r = await solve(m.smallLp, backend);
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(2.8, 6);
    if (caps.bound) expect(r.bound).toBeCloseTo(2.8, 6);
  });

  it('solves a knapsack to its known optimum with integral values', async () => {
    const r = await solve(m.knapsack, backend);
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(m.KNAPSACK_OPTIMUM, 6);
    expectIntegralFeasible(m.knapsack, r.values);
    if (caps.bound) {
      expect(r.bound).toBeCloseTo(m.KNAPSACK_OPTIMUM, 6);
      expect(r.gap).toBeCloseTo(0, 9);
    }
  });

  it('handles equality rows, ranged rows and general integers', async () => {
    const r = await solve(m.equalityAndRanges, backend);
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(m.EQUALITY_OPTIMUM, 6);
    expectIntegralFeasible(m.equalityAndRanges, r.values);
  });

  it('reports an infeasible model', async () => {
    const r = await solve(m.infeasible, backend);
    expect(r.termination).toBe('infeasible');
    expect(r.values).toBeNull();
  });

  it.runIf(!caps.integerOnly)('reports an unbounded model', async () => {
    const r = await solve(m.unbounded, backend);
    expect(r.termination).toBe('unbounded');
    expect(r.values).toBeNull();
  });

  it('minimises as well as maximises, and adds the objective offset', async () => {
    const min = await solve(m.knapsackMin, backend);
    expect(min.objective).toBeCloseTo(-m.KNAPSACK_OPTIMUM, 6);
    const off = await solve(m.knapsackWithOffset, backend);
    expect(off.objective).toBeCloseTo(m.KNAPSACK_OPTIMUM + 100, 6);
  });

  it.runIf(caps.warmStart)('accepts a warm start', async () => {
    const start = [0, 1, 0, 1, 0]; // value 21, already optimal
    const r = await solve(m.knapsack, backend, { start });
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(m.KNAPSACK_OPTIMUM, 6);
  });

  // A market split instance takes branch and bound hours: every machine stops at a 1 s limit.
  it.runIf(caps.timeLimit)('stops a MIP it cannot close at its time limit, with a feasible incumbent when it has one', async () => {
    const model = m.marketSplit(4, 30, 11, caps.integerOnly ? 'integer' : 'continuous');
    const seen: number[] = [];
    const r = await solve(model, backend, { timeLimitSeconds: 1, onProgress: (p) => p.objective !== null && seen.push(p.objective) });
    expect(r.termination).toBe('time-limit');
    if (r.values !== null || caps.progress) expectIntegralFeasible(model, r.values);
    if (caps.progress) expect(seen.length).toBeGreaterThan(0);
  });

  // At a 5% gap HiGHS and GLPK stop below the optimum they prove at gap 0 (javascript-lp-solver finds the optimum anyway).
  it.runIf(caps.mipGap)('stops within its relative gap, with the termination saying so', async () => {
    const model = m.gapKnapsack();
    const r = await solve(model, backend, { mipGap: 0.05, timeLimitSeconds: 60 });
    expect(r.termination).toBe('gap-reached');
    expectIntegralFeasible(model, r.values);
    const objective = r.objective ?? expect.unreachable('a gap-reached result has an objective');
    expect(objective).toBeLessThanOrEqual(m.GAP_KNAPSACK_OPTIMUM + 1e-6);
    expect(objective).toBeGreaterThanOrEqual(m.GAP_KNAPSACK_OPTIMUM / 1.05);
    if (caps.bound) expect(r.gap ?? expect.unreachable('a backend with bounds reports the gap')).toBeLessThanOrEqual(0.05);
  });

  it.runIf(caps.nodeLimit)('stops a hard MIP at its node limit with a feasible incumbent, not proven optimal', async () => {
    const model = m.hardKnapsack();
    const r = await solve(model, backend, { timeLimitSeconds: 60, nodeLimit: 1, start: model.columns.map(() => 0) });
    expect(r.termination).toBe('node-limit');
    expectIntegralFeasible(model, r.values);
    if (caps.bound) expect(r.gap ?? 0).toBeGreaterThan(0);
    // A work limit gives the same answer every time.
    const again = await solve(model, backend, { timeLimitSeconds: 60, nodeLimit: 1, start: model.columns.map(() => 0) });
    expect(again.values).toEqual(r.values);
  });

  it.runIf(!caps.nodeLimit)('ignores a node limit it cannot honour', async () => {
    const r = await solve(m.knapsack, backend, { nodeLimit: 1 });
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(m.KNAPSACK_OPTIMUM, 6);
  });

  it.runIf(caps.interrupt)('returns the best solution so far when aborted', async () => {
    const model = m.hardKnapsack();
    const controller = new AbortController();
    const r = await solve(model, backend, {
      timeLimitSeconds: 30,
      onProgress: (p) => {
        if (p.objective !== null) controller.abort();
      },
      signal: controller.signal,
    });
    expect(r.termination).toBe('interrupted');
    expectIntegralFeasible(model, r.values);
  });

  // The limit outlasts the previous solves': a CP-SAT worker cannot exit before the time limit of its last solve has passed (benchmarks/notes.md).
  it('contains a crashed worker and solves again afterwards', async () => {
    const crashed = await solve(m.knapsack, backend, { testCrash: 'exit', timeLimitSeconds: 60 });
    expect(crashed.termination).toBe('error');
    expect(crashed.message).toMatch(/worker exited unexpectedly with code 70 .*discarded/);
    const next = await solve(m.knapsack, backend);
    expect(next.objective).toBeCloseTo(m.KNAPSACK_OPTIMUM, 6);
  });
});

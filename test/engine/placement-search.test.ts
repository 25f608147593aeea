/**
 * The placement search (src/engine/placement.ts) tries the whole placement program, at its root
 * node, beside its first batch of neighbourhood steps: a school whose greedy board the
 * neighbourhoods cannot lift still gets the board the whole program finds, by work limits alone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { buildInstance } from '../../src/model/instance.js';
import { evaluate, formulate } from '../../src/model/formulation.js';
import { placementProgram, searchPlacement, sectionKey } from '../../src/engine/placement.js';
import { greedyBoard } from '../../src/board/greedy.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/**
 * One placement search on tiny-ab with no neighbourhood step at all (`maxSteps: 0`), so only the
 * whole program's root can improve on the greedy board; it runs on programs up to `wholeColumns` columns.
 */
async function searchWithoutSteps(wholeColumns = Infinity) {
  const inst = buildInstance(readScenarioFile('fixtures/tiny-ab.json'));
  const form = formulate(inst);
  const full = form.builder.build('max', []);
  const program = placementProgram(
    inst,
    full.columns.map((c) => c.name),
  );
  const reported: number[] = [];
  const started = performance.now();
  const found = await searchPlacement(program, null, full.columns.length, {
    backend: 'highs',
    seed: 1,
    now: () => (performance.now() - started) / 1000,
    // Far beyond what the root needs: its node limit, not the clock, ends it.
    until: 600,
    stepSeconds: 300,
    stepNodes: 500,
    maxSteps: 0,
    wholeColumns,
    parallel: 2,
    target: null,
    greedyBoard: new Set(greedyBoard(inst).map(sectionKey)),
    onImprove: (placed) => reported.push(placed),
  });
  return { found, reported, full, form };
}

describe('placement search', () => {
  it('takes the whole placement program’s board where it places more than the greedy board, the same on every run', async () => {
    const first = await searchWithoutSteps();
    const { found, reported, full, form } = first;
    if (found === null) expect.unreachable('tiny-ab has a greedy board to start from');
    const greedyPlaced = reported[0];
    if (greedyPlaced === undefined) expect.unreachable('the start is reported before any step');
    expect(found.placed).toBeGreaterThan(greedyPlaced);
    expect(found.lns.improvements).toBe(1);
    // Its board is a whole-program solution placing what it says.
    expect(checkFeasibility(full, found.values, 1e-6).feasible).toBe(true);
    expect(Math.round(evaluate(form.terms.placed, found.values))).toBe(found.placed);
    const again = await searchWithoutSteps();
    expect(again.found?.placed).toBe(found.placed);
    expect(again.found?.values).toEqual(found.values);
  }, 120_000);

  it('leaves the whole placement program out above the work budget’s size for it: the greedy board stays', async () => {
    const { found, reported, form } = await searchWithoutSteps(0);
    if (found === null) expect.unreachable('tiny-ab has a greedy board to start from');
    expect(found.placed).toBe(reported[0]);
    expect(found.lns.steps).toBe(0);
    expect(found.lns.improvements).toBe(0);
    expect(Math.round(evaluate(form.terms.placed, found.values))).toBe(found.placed);
  }, 120_000);
});

/**
 * The variant worker pool: each scenario solved in its own worker thread; a worker that exits,
 * throws or hangs fails its row alone and is replaced; aborting terminates the running workers
 * and keeps the finished rows; the same comparison through the pool gives the same rows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatComparison, type Comparison } from '../../src/whatif/index.js';
import { compareScenarios } from '../../src/compare/index.js';
import { runVariantPool, type PoolTask } from '../../src/whatif/pool.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { SolveProgress } from '../../src/engine/solve.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { base, baseInput, patched } from '../helpers/whatif-school.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

const moreTeaching = () => patched('more-teaching', [{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }]);
const noCpt = () => patched('no-cpt', [{ op: 'replace', path: '/pathways/0/commonPlanning', value: 0 }]);

/** What a row says, without the solution (whose report carries solve times). */
const figures = (c: Comparison) => c.rows.map((r) => ({ name: r.name, status: r.status, metrics: r.metrics, schedule: r.schedule, message: r.message }));

describe('compareScenarios in variant workers', () => {
  it('an infeasible variant comes back from its worker with the diagnosis in school words', async () => {
    const input = baseInput();
    // More sections of N1 than the two teachers may teach: the fixed count cannot hold.
    input.courses = input.courses.map((c) => (c.id === 'N1' ? { ...c, sections: 9 } : c));
    const result = await compareScenarios(base(), [{ name: 'too-many', scenario: parseScenario(input) }], { concurrency: 2, timeLimitSeconds: 10, seed: 4 });
    const row = result.rows[1]!;
    expect(row.status).toBe('infeasible');
    expect(row.message).toContain('hard rules conflict:');
    expect(row.message).toMatch(/sections of N1|teaches at most/);
  }, 60_000);

  it('a variant whose worker exits fails alone; the other rows equal a run without it, which gives the same rows twice', async () => {
    const options = { concurrency: 2, timeLimitSeconds: 5, seed: 4 };
    const withCrash = await compareScenarios(base(), [moreTeaching(), { name: 'crash', scenario: base() }, noCpt()], {
      ...options,
      testCrash: { crash: 'exit' },
    });
    expect(withCrash.interrupted).toBe(false);
    expect(withCrash.rows.map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'failed', 'scheduled']);
    expect(withCrash.rows[2]).toEqual({
      name: 'crash',
      status: 'failed',
      message: 'the variant worker exited with code 3 before the solve finished',
      metrics: null,
    });
    expect(formatComparison(withCrash)).toMatch(/crash .*failed: the variant worker exited with code 3/);
    const without = await compareScenarios(base(), [moreTeaching(), noCpt()], options);
    const again = await compareScenarios(base(), [moreTeaching(), noCpt()], options);
    const rows = figures(withCrash);
    expect([rows[0], rows[1], rows[3]]).toEqual(figures(without));
    // Same inputs and seed through the pool: the same rows and table.
    expect(figures(again)).toEqual(figures(without));
    expect(formatComparison(again)).toBe(formatComparison(without));
    for (const r of without.rows) expect(r.solution?.report?.solver.seed).toBe(4);
  });

  it('aborting terminates a running worker: finished rows kept, the rest interrupted', async () => {
    const controller = new AbortController();
    const finished: string[] = [];
    // The base is solved first; then 'stuck' hangs beside 'no-cpt', and 'more' waits for a worker.
    const c = await compareScenarios(base(), [{ name: 'stuck', scenario: base() }, noCpt(), { ...moreTeaching(), name: 'more' }], {
      concurrency: 2,
      timeLimitSeconds: 5,
      signal: controller.signal,
      testCrash: { stuck: 'hang' },
      onRow: (row) => {
        finished.push(`${row.name}: ${row.status}`);
        if (row.name === 'no-cpt') controller.abort();
      },
    });
    expect(c.interrupted).toBe(true);
    expect(c.rows.map((r) => [r.name, r.status, r.message])).toEqual([
      ['base', 'scheduled', undefined],
      ['stuck', 'interrupted', 'stopped before the solve finished'],
      ['no-cpt', 'scheduled', undefined],
      ['more', 'interrupted', 'not started before the comparison was stopped'],
    ]);
    expect(c.rows[0]?.metrics?.pathwayPlaced.total).toBe(3);
    expect(finished).toEqual(['base: scheduled', 'no-cpt: scheduled', 'stuck: interrupted']);
  });

  it('a worker that does not answer is stopped by the watchdog and its row fails', async () => {
    const c = await compareScenarios(base(), [{ name: 'stuck', scenario: base() }], {
      concurrency: 1,
      timeLimitSeconds: 5,
      watchdogSeconds: 1,
      testCrash: { stuck: 'hang', base: 'hang' },
    });
    expect(c.rows.map((r) => r.message)).toEqual([
      'no answer 1 s after the start; the variant worker was stopped',
      'no answer 1 s after the start; the variant worker was stopped',
    ]);
  });
});

describe('runVariantPool', () => {
  const task = (over: Partial<PoolTask> = {}): PoolTask => ({ scenario: base(), options: { timeLimitSeconds: 5 }, watchdogSeconds: 60, ...over });

  it('replaces a crashed worker and answers every task in task order', async () => {
    const ends: number[] = [];
    const results = await runVariantPool([task({ testCrash: 'exit' }), task(), task({ testCrash: 'throw' }), task()], {
      size: 1,
      onResult: (_, i) => ends.push(i),
    });
    expect(results.map((r) => r.kind)).toEqual(['failed', 'outcome', 'failed', 'outcome']);
    expect(ends).toEqual([0, 1, 2, 3]);
    expect(results[0]).toEqual({ kind: 'failed', message: 'the variant worker exited with code 3 before the solve finished' });
    expect(results[2]).toEqual({ kind: 'failed', message: 'the variant worker crashed: simulated crash of the variant worker (test)' });
    const [, second, , fourth] = results;
    expect(second?.kind === 'outcome' && second.outcome.status).toBe('scheduled');
    expect(fourth?.kind === 'outcome' && fourth.outcome.status).toBe('scheduled');
  });

  it('forwards the solve’s progress from the worker when asked (the queue worker posts it to its job)', async () => {
    const seen: SolveProgress[] = [];
    const results = await runVariantPool([task({ onProgress: (p) => seen.push(p) })], { size: 1 });
    expect(results[0]?.kind).toBe('outcome');
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      expect(typeof p.stage).toBe('string');
      expect(p.seconds).toBeGreaterThanOrEqual(0);
    }
    expect(seen.some((p) => p.incumbent !== null)).toBe(true);
  });

  it('answers a job that fails the message schema with an error and keeps the worker', async () => {
    const bad = { ...baseInput(), teachers: 'none' } as unknown as Scenario;
    const results = await runVariantPool([task({ scenario: bad }), task()], { size: 1 });
    expect(results[0]?.kind).toBe('failed');
    expect(results[0]?.kind === 'failed' && results[0].message).toMatch(/^invalid variant job: scenario\.teachers: /);
    expect(results[1]?.kind).toBe('outcome');
  });

  it('an abort before the start leaves every task interrupted and unstarted', async () => {
    const controller = new AbortController();
    controller.abort();
    const results = await runVariantPool([task(), task()], { size: 2, signal: controller.signal });
    expect(results).toEqual([
      { kind: 'interrupted', started: false },
      { kind: 'interrupted', started: false },
    ]);
  });
});

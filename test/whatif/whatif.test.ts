/**
 * What-if comparisons: JSON Patch variants (every bad operation reported with its path), the pool
 * of solves (a crashing or throwing variant fails alone, the other rows equal solo solves), the
 * same table for the same inputs and seed, stopping early keeps finished rows, and the command
 * (Ctrl-C keeps the finished rows and their solutions). The variant worker pool's own cases are in
 * whatif-pool.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyPatch, formatComparison, rowOf, variantFromJson, type Variant } from '../../src/whatif/index.js';
import { compareScenarios } from '../../src/compare/index.js';
import { solve, type SolveOutcome } from '../../src/engine/solve.js';
import { InputError } from '../../src/scenario/problems.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { solveMip } from '../../solver/run.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { base, baseInput, patched } from '../helpers/whatif-school.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-whatif-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/main.ts'), ...args],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('JSON Patch variants', () => {
  it('applies a valid patch to a copy of the base', () => {
    const input = baseInput();
    const v = patched('more', [{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }]);
    expect(v.name).toBe('more');
    expect(v.scenario.teachers[1]?.maxSections).toBe(3);
    expect(input.teachers[1]?.maxSections).toBe(2);
  });

  it('reports every bad operation with its index and JSON pointer', () => {
    const patch = [
      { op: 'replace', path: '/teachers/9/maxSections', value: 3 },
      { op: 'frob', path: '/name' },
      { op: 'replace', path: '/name', value: 'fine' },
      { op: 'remove', path: '/nothing' },
      { op: 'add', path: '/rooms/-' },
    ];
    let error: unknown;
    try {
      applyPatch(baseInput(), patch, 'bad.patch.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => p.path)).toEqual(['[0] (/teachers/9/maxSections)', '[1] (/name)', '[3] (/nothing)', '[4] (/rooms/-)']);
    expect(problems[0]?.message).toBe('index 9 is past the end of a list of 2');
    expect(problems[3]?.message).toBe('this "add" operation needs a "value"');
  });

  it('refuses a patch that is not an array, and a patched scenario that breaks the schema', () => {
    expect(() => applyPatch(baseInput(), { op: 'add' }, 'x.patch.json')).toThrow(/a JSON Patch is an array of operations \(RFC 6902\)/);
    expect(() => patched('neg', [{ op: 'replace', path: '/teachers/0/maxSections', value: -1 }])).toThrow(/teachers\[0\]\.maxSections/);
  });

  it('takes a full scenario as it is', () => {
    const other = { ...baseInput(), name: 'other school' };
    expect(variantFromJson(baseInput(), other, 'dir/other.json').scenario.name).toBe('other school');
  });
});

/** A tiny model whose worker is made to exit, as a crashing solve would. */
async function crashingSolve(): Promise<SolveOutcome> {
  const result = await solveMip(
    { sense: 'max', columns: [{ name: 'x', kind: 'binary', lb: 0, ub: 1, obj: 1 }], rows: [] },
    { backend: 'highs', timeLimitSeconds: 5, mipGap: 0, seed: 1, testCrash: 'exit' },
  );
  throw new Error(result.message ?? `solver ${result.termination}`);
}

describe('compareScenarios', () => {
  it('with solveScenario (in this thread), a variant whose solver worker crashes, or whose solve throws, fails alone', async () => {
    // The crash first: beside a solve its one-column program would queue for the solver workers.
    const variants: Variant[] = [
      { name: 'crash', scenario: base() },
      { name: 'throws', scenario: base() },
      patched('more-teaching', [{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }]),
      patched('no-cpt', [{ op: 'replace', path: '/pathways/0/commonPlanning', value: 0 }]),
    ];
    const comparison = await compareScenarios(base(), variants, {
      concurrency: 2,
      timeLimitSeconds: 10,
      solveScenario: (scenario, options, name) =>
        name === 'crash' ? crashingSolve() : name === 'throws' ? Promise.reject(new Error('no memory left')) : solve(scenario, options),
    });
    expect(comparison.rows.map((r) => r.name)).toEqual(['base', 'crash', 'throws', 'more-teaching', 'no-cpt']);
    expect(comparison.rows.map((r) => r.status)).toEqual(['scheduled', 'failed', 'failed', 'scheduled', 'scheduled']);
    expect(comparison.rows[1]?.message).toMatch(/worker exited unexpectedly/);
    expect(comparison.rows[2]?.message).toBe('no memory left');
    const table = formatComparison(comparison);
    expect(table).toMatch(/crash .*failed: the highs worker exited unexpectedly/);
    expect(table).toContain('failed: no memory left');
    // The rows that ran are exactly what each scenario gives when solved on its own from the
    // base's schedule, which keeps every rule of these two relaxations.
    const start = comparison.rows[0]?.solution ?? expect.unreachable('the base row has no schedule');
    for (const [i, v] of [
      [3, variants[2]!],
      [4, variants[3]!],
    ] as const) {
      // parallel 1, as each solve of a comparison running two at once.
      const solo = await solve(v.scenario, { timeLimitSeconds: 10, parallel: 1, start: { sections: start.sections, enrollments: start.enrollments } });
      expect(solo.status).toBe('scheduled');
      if (solo.status === 'scheduled') expect(comparison.rows[i]?.metrics?.pathwayPlaced).toEqual(solo.check.figures.pathwayPlaced);
    }
  });

  it('the same inputs and seed give the same table', async () => {
    const variants = [
      patched('more-teaching', [{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }]),
      patched('no-cpt', [{ op: 'replace', path: '/pathways/0/commonPlanning', value: 0 }]),
    ];
    const comparison = await compareScenarios(base(), variants, { seed: 3, timeLimitSeconds: 10 });
    const first = formatComparison(comparison);
    const second = formatComparison(await compareScenarios(base(), variants, { seed: 3, timeLimitSeconds: 10, concurrency: 1 }));
    expect(second).toBe(first);
    // No row was cut by the clock; one that was would say so.
    expect(first).not.toContain('may vary');
    expect(formatComparison({ ...comparison, rows: comparison.rows.map((r) => ({ ...r, reproducible: false })) })).toContain(', may vary');
    expect(first.split('\n')[0]).toMatch(
      /^ {2}Scenario +Pathway placed +Fully scheduled +Requests met +A–G on track +Teams with CPT +Sections +Teacher load +Status$/,
    );
  });

  it('stopping keeps the rows already finished and marks the rest interrupted', async () => {
    const controller = new AbortController();
    const comparison = await compareScenarios(base(), [patched('a', []), patched('b', [])], {
      concurrency: 1,
      timeLimitSeconds: 10,
      signal: controller.signal,
      onRow: () => {
        controller.abort();
      },
    });
    expect(comparison.interrupted).toBe(true);
    expect(comparison.rows.map((r) => r.status)).toEqual(['scheduled', 'interrupted', 'interrupted']);
    expect(formatComparison(comparison)).toContain('Stopped early');
  });

  it('valley without common planning time never places fewer than the base, even solved with far less work', async () => {
    // Work limits only (no clock): the base searches a little; the variant alone, with one node
    // per stage and no search, placed 8 where the base placed 14. From the base's schedule, still
    // valid without CPT, it cannot fall below it.
    const valleyInput: unknown = JSON.parse(readFileSync(join(root, 'fixtures/valley-ab-150.json'), 'utf8'));
    const noCpt = JSON.parse(readFileSync(join(root, 'fixtures/whatif/no-cpt.patch.json'), 'utf8')) as unknown;
    const budgets = {
      base: { placementSteps: 1, searchSteps: 0, stepNodes: 100, stageNodes: 10 },
      variant: { placementSteps: 0, searchSteps: 0, stepNodes: 1, stageNodes: 1 },
    };
    const comparison = await compareScenarios(parseScenario(valleyInput), [variantFromJson(valleyInput, noCpt, 'no-cpt.patch.json')], {
      concurrency: 1,
      timeLimitSeconds: 600,
      solveScenario: (scenario, options, name) => solve(scenario, { ...options, workBudget: name === 'base' ? budgets.base : budgets.variant }),
    });
    const [baseRow, variantRow] = comparison.rows;
    expect(baseRow?.status).toBe('scheduled');
    expect(variantRow?.status).toBe('scheduled');
    const placed = (row: typeof baseRow) => row?.metrics?.pathwayPlaced.count ?? expect.unreachable('a scheduled row has metrics');
    expect(placed(variantRow)).toBeGreaterThanOrEqual(placed(baseRow));
    expect(placed(variantRow)).toBeGreaterThan(0);
  });

  it('a solve that ends with a solver error is a failed row', () => {
    const outcome: SolveOutcome = {
      status: 'no-schedule',
      message: 'the highs worker crashed',
      solver: {
        backend: 'highs',
        strategy: 'cte-first',
        seed: 1,
        termination: 'error',
        schedule: 'none',
        partial: false,
        objective: null,
        bound: null,
        gap: null,
        placementBound: null,
        seconds: 0,
        stages: [],
      },
    };
    expect(rowOf('v', base(), outcome, false)).toEqual({ name: 'v', status: 'failed', message: 'the highs worker crashed', metrics: null });
  });
});

describe('pathway-scheduler whatif', () => {
  it('exits 2 and lists every bad operation before solving anything', () => {
    writeFileSync(join(dir, 'base.json'), JSON.stringify(baseInput()));
    writeFileSync(
      join(dir, 'bad.patch.json'),
      JSON.stringify([
        { op: 'replace', path: '/teachers/7/maxSections', value: 1 },
        { op: 'move', path: '/name' },
      ]),
    );
    const r = cli('whatif', 'base.json', 'bad.patch.json', '-o', 'out-bad');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[0] (/teachers/7/maxSections)');
    expect(r.stderr).toContain('[1] (/name)');
    expect(existsSync(join(dir, 'out-bad'))).toBe(false);
  });

  it('writes each solution and the comparison', () => {
    writeFileSync(join(dir, 'base.json'), JSON.stringify(baseInput()));
    writeFileSync(join(dir, 'more.patch.json'), JSON.stringify([{ op: 'replace', path: '/teachers/1/maxSections', value: 3 }]));
    const r = cli('whatif', 'base.json', 'more.patch.json', '-o', 'out', '--time-limit', '10', '--seed', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n {2}more +\d+\/3/);
    for (const f of ['base.solution.json', 'more.solution.json', 'comparison.txt', 'comparison.json']) expect(existsSync(join(dir, 'out', f))).toBe(true);
    expect(readFileSync(join(dir, 'out', 'comparison.txt'), 'utf8')).toBe(r.stdout);
  });

  it('Ctrl-C stops the running solves, prints the finished rows and writes their solutions', async () => {
    const valley = join(root, 'fixtures/valley-ab-150.json');
    writeFileSync(join(dir, 'same.patch.json'), '[]');
    writeFileSync(join(dir, 'cpt.patch.json'), JSON.stringify([{ op: 'replace', path: '/pathways/0/commonPlanning', value: 0 }]));
    const child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
        join(root, 'src/cli/main.ts'),
        'whatif',
        valley,
        'same.patch.json',
        'cpt.patch.json',
        '-o',
        'out-int',
        '--time-limit',
        '3',
        '--concurrency',
        '1',
      ],
      { cwd: dir },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // The base has finished; the next solve (limited to 3 s) is running.
      if (stderr.includes('base: scheduled') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('Stopping every solve');
    expect(stdout).toMatch(/\n {2}base +\d+\/42 /);
    // The variants start once the base has finished, so the stop finds 'same' running or about to start.
    expect(stdout).toMatch(/\n {2}same +– .*interrupted: (stopped before the solve finished|not started before the comparison was stopped)/);
    expect(stdout).toMatch(/\n {2}cpt +– .*interrupted: not started before the comparison was stopped/);
    expect(stdout).toContain('Stopped early');
    expect(existsSync(join(dir, 'out-int', 'base.solution.json'))).toBe(true);
    expect(existsSync(join(dir, 'out-int', 'same.solution.json'))).toBe(false);
    expect((JSON.parse(readFileSync(join(dir, 'out-int', 'comparison.json'), 'utf8')) as { interrupted?: unknown }).interrupted).toBe(true);
  });
});

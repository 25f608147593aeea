/**
 * Ctrl-C keeps the best schedule found so far, marked partial: through the library (an abort
 * signal while a solver stage runs) and through the CLI (SIGINT while it solves). Stopped before
 * any schedule exists (an abort before the solve starts), the outcome is `no-schedule` saying so
 * (stops while the program is built: test/scenario/bad-input-library.test.ts). A second SIGINT quitting at once is not tested: two signals sent together
 * arrive as one, and one sent after the first is handled races the file being written. On tiny-ab, whose program is small: the
 * solver stages run one by one and the abort ends the running one. Programs of 5,000 columns and
 * more (valley and up) first run the placement search; aborted during it, the solve delivers
 * the search's best board with every other student seated by the loader, when the checker finds
 * it better than the incumbent (issue 14 saw the greedy board delivered instead).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { workBudget } from '../../src/engine/stages.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let scenario: Scenario;
let greedyPlaced: number;
let dir = '';

beforeAll(() => {
  scenario = readScenarioFile(join(root, 'fixtures/tiny-ab.json'));
  greedyPlaced = check(scenario, greedyCteFirstSchedule(scenario)).figures.pathwayPlaced.count;
  dir = mkdtempSync(join(tmpdir(), 'pathway-interrupt-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

describe('solve() aborted', () => {
  it('while a solver stage runs: a valid schedule marked partial, placing at least the greedy loader’s', async () => {
    const controller = new AbortController();
    const outcome = await solve(scenario, {
      timeLimitSeconds: 300,
      signal: controller.signal,
      onProgress: (p) => {
        // The whole program ('board'), which takes minutes on tiny-ab: abort at its first report.
        if (p.stage === 'board') controller.abort();
      },
    });
    expect(controller.signal.aborted).toBe(true);
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    expect(outcome.solution.report.solver.partial).toBe(true);
    expect(outcome.check.violations).toEqual([]);
    expect(outcome.check.figures.pathwayPlaced.count).toBeGreaterThanOrEqual(greedyPlaced);
    // The running stage was interrupted, and the stages after it never ran.
    expect(outcome.solution.report.solver.stages.map((s) => [s.name, s.status])).toEqual([
      ['greedy board', 'optimal'],
      ['board', 'interrupted'],
    ]);
  });

  it('before it starts: no schedule, and the message says it stopped before any existed', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await solve(scenario, { timeLimitSeconds: 300, signal: controller.signal });
    expect(outcome.status).toBe('no-schedule');
    if (outcome.status !== 'no-schedule') return;
    expect(outcome.message).toBe('stopped while reading the school, before any schedule existed');
    expect(outcome.solver).toMatchObject({ termination: 'interrupted', schedule: 'none', partial: true, objective: null, stages: [] });
  });
});

describe('solve() aborted during the placement search (valley: 9,594 columns, so the search runs first)', () => {
  it('delivers a valid schedule placing at least the search’s incumbent when the abort came', async () => {
    const valley = readScenarioFile(join(root, 'fixtures/valley-ab-150.json'));
    const controller = new AbortController();
    const reported: number[] = [];
    const outcome = await solve(valley, {
      timeLimitSeconds: 600,
      signal: controller.signal,
      // Work limits only, so that the abort, not the clock, ends the search.
      workBudget: { placementSteps: 40, searchSteps: 0, stepNodes: 200, stageNodes: 50 },
      onProgress: (p) => {
        if (p.stage !== 'placement search' || p.incumbent === null || controller.signal.aborted) return;
        reported.push(p.incumbent);
        // Its first report is the greedy board's placement; abort at its first improvement on that.
        if (p.incumbent > reported[0]!) controller.abort();
      },
    });
    expect(controller.signal.aborted).toBe(true);
    const incumbent = reported.at(-1) ?? expect.unreachable('no incumbent was reported');
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const solver = outcome.solution.report.solver;
    expect(outcome.check.violations).toEqual([]);
    expect(outcome.check.figures.pathwayPlaced.count).toBeGreaterThanOrEqual(incumbent);
    expect(solver).toMatchObject({ partial: true, termination: 'interrupted', schedule: 'feasible', delivered: 'placement search' });
  });
});

describe('a placement search that reaches its bound (valley, default work budget, no board search)', () => {
  it('says so in its stage status, not "interrupted", and the solve is not marked interrupted', async () => {
    const valley = readScenarioFile(join(root, 'fixtures/valley-ab-150.json'));
    const outcome = await solve(valley, {
      timeLimitSeconds: 600,
      // The default budget at 60 s, board search left out: work limits alone end every stage.
      workBudget: { ...workBudget(60), searchSteps: 0 },
    });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const solver = outcome.solution.report.solver;
    const stage = solver.stages.find((s) => s.name === 'placement search') ?? expect.unreachable('no placement search stage');
    expect(outcome.check.figures.pathwayPlaced).toMatchObject({ count: 42, total: 42 });
    expect(stage.status).toMatch(/^42 placed; bound reached after \d+ steps/);
    expect(stage.status).not.toMatch(/interrupted/);
    expect(solver).toMatchObject({ partial: false, placementProven: true });
    expect(solver.termination).not.toBe('interrupted');
  }, 240_000);
});

describe('the CLI on SIGINT', () => {
  const start = (out: string) =>
    spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
        join(root, 'src/cli/main.ts'),
        'solve',
        join(root, 'fixtures/tiny-ab.json'),
        '-o',
        out,
        '--time-limit',
        '300',
      ],
      { cwd: dir },
    );
  /** Resolves once a progress line is on stderr (the quiet line printed after the first seconds). */
  const progressed = (child: ReturnType<typeof start>, stderr: string[]) =>
    new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr.push(chunk.toString());
        if (/placed/i.test(stderr.join(''))) resolve();
      }),
    );
  const exited = (child: ReturnType<typeof start>) =>
    new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        resolve(code);
      }),
    );

  it('writes the best schedule so far, marked partial, valid, and exits 0', async () => {
    const child = start('partial.json');
    const stderr: string[] = [];
    await progressed(child, stderr);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    expect(stderr.join('')).toContain('Stopping: keeping the best schedule found so far');
    const solution = JSON.parse(readFileSync(join(dir, 'partial.json'), 'utf8')) as Parameters<typeof check>[1] & { report: { solver: { partial: boolean } } };
    expect(solution.report.solver.partial).toBe(true);
    expect(check(scenario, solution).violations).toEqual([]);
  });
});

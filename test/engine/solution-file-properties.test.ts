/**
 * The solution file's report carries exactly `check`'s figures (issue 17 item 3, audit M6), as a
 * property over random small schools (helpers/random-school.ts), on a fixed and a random seed:
 * the engine's solution is written as `solve` writes solution.json, then the school and that file
 * are read back from disk by the readers `check` uses, and the checker's recomputed figures equal
 * the file's report, with the schedule valid. In process, because the built command line takes
 * about 7 s a school under load; cli.test.ts runs the same comparison through the command line
 * on the hand school.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, readScenarioFile } from '../../src/scenario/parse.js';
import { readSolutionFile } from '../../src/solution/parse.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { randomSchool } from '../helpers/random-school.js';
import { propertySeeds } from '../helpers/seeds.js';

/** Runs per seed (one solve each). */
const RUNS = 30;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-solution-file-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

describe.each(propertySeeds())('the solution file of random small schools ($label)', ({ seed }) => {
  it('carries in its report exactly the figures the checker computes from the file', async () => {
    const seen = { runs: 0, written: 0 };
    await fc.assert(
      fc.asyncProperty(randomSchool(), async (input) => {
        const n = seen.runs++;
        const outcome = await solve(parseScenario(input), { timeLimitSeconds: 20 });
        if (outcome.status !== 'scheduled') return;
        seen.written++;
        const school = join(dir, `school-${seed}-${n}.json`);
        const file = join(dir, `solution-${seed}-${n}.json`);
        writeFileSync(school, JSON.stringify(input));
        // As src/cli/commands/solve.ts writes it.
        writeFileSync(file, `${JSON.stringify(outcome.solution, null, 2)}\n`);
        const solution = readSolutionFile(file);
        const result = check(readScenarioFile(school), solution);
        expect(result.violations).toEqual([]);
        expect(solution.report?.figures).toEqual(result.figures);
      }),
      { numRuns: RUNS, seed },
    );
    console.log(`solution file: ${seen.runs} schools, a solution written for ${seen.written}`);
    expect(seen.written).toBeGreaterThanOrEqual(RUNS / 2);
  }, 300_000);
});

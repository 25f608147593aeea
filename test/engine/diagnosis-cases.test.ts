/**
 * ../shared/cases/prep-blocks-three-doubles.json (copied to test/cases/): one welding teacher must
 * teach three double periods in a 6-period day, which leaves no prep period. The diagnosis must
 * name TW's prep, not only the section count, with fix options that really fix it: a second
 * teacher for WELD2, or a 7-period day. Library and command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/solve.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { feasibleRelaxing } from '../helpers/relaxation.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CASE = join(root, 'test/cases/prep-blocks-three-doubles.json');
const input = (): ScenarioInput => JSON.parse(readFileSync(CASE, 'utf8')) as ScenarioInput;

afterAll(async () => {
  await shutdownSolverWorkers();
});

describe('prep-blocks-three-doubles', () => {
  it("is infeasible, and the minimal set names TW's prep with a second teacher and a longer day among the fixes", async () => {
    const scenario = parseScenario(input(), CASE);
    const outcome = await solve(scenario, { timeLimitSeconds: 20 });
    expect(outcome.status).toBe('infeasible');
    if (outcome.status !== 'infeasible') return;
    const d = outcome.diagnosis;
    expect(d.minimal).toBe(true);
    expect(d.groups.map((g) => ({ rule: g.rule, args: g.args }))).toEqual([{ rule: 'prep', args: { teacher: 'TW', term: 'Y' } }]);
    expect(outcome.rules).toEqual(['TW prep period']);
    expect(d.groups[0]!.fixes).toEqual(
      expect.arrayContaining([expect.stringContaining('credential a second teacher for WELD2'), expect.stringContaining('a 7-period day')]),
    );
    // The set is what blocks: relaxed, a board exists; kept, none does.
    expect(await feasibleRelaxing(scenario, d.groups)).toBe(true);
    expect(await feasibleRelaxing(scenario, [])).toBe(false);
  });

  it('the fixes it offers are fixes: a second welding teacher, or a 7-period day, gives a valid schedule', async () => {
    const secondTeacher = input();
    secondTeacher.teachers.push({ id: 'TX', name: 'X. Second', courses: ['WELD2'], maxSections: 3 });
    const longerDay = input();
    longerDay.calendar.periods.push('7');
    for (const fixed of [secondTeacher, longerDay]) {
      const outcome = await solve(parseScenario(fixed, CASE), { timeLimitSeconds: 20 });
      expect(outcome.status).toBe('scheduled');
      if (outcome.status === 'scheduled') expect(outcome.check.valid).toBe(true);
    }
  });

  it("the command line exits 1, names TW's prep and its fixes, and writes no file", () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-cases-'));
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/main.ts'), 'solve', CASE, '-o', 'never.json'],
        { cwd: dir, encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('Relaxing these together is enough, and each one is needed:\n  TW prep period\n');
      expect(r.stdout).toContain('credential a second teacher for WELD2 (only TW teaches it)');
      expect(r.stdout).toContain('a 7-period day');
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(existsSync(join(dir, 'never.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The command line end to end: exit codes follow the outcome, the solution file's report carries
 * exactly the figures `check` computes, bad input names the file, path and fix with no stack
 * trace, and no output file is written unless it is complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseScenario } from '../../src/scenario/parse.js';
import { solve } from '../../src/engine/solve.js';
import { handScenarioInput } from '../helpers/hand-school.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'src/cli/main.ts'), ...args],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => join(root, 'fixtures', name);
const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
};

/** The hand school (helpers/hand-school.ts) solved by the CLI, once for the tests that read its output. */
let solved: ReturnType<typeof cli>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-'));
  writeFileSync(join(dir, 'hand.json'), JSON.stringify(handScenarioInput()));
  solved = cli('solve', 'hand.json', '-o', 'out/solution.json');
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownSolverWorkers();
});

describe('pathway-scheduler CLI', () => {
  it('solves a school and writes solution.json (exit 0)', () => {
    expect(solved.stderr).toContain('Wrote out/solution.json');
    expect(solved.code).toBe(0);
    expect(solved.stdout).toMatch(/Pathway students successfully placed: 2 of 2/);
    const solution = JSON.parse(readFileSync(join(dir, 'out/solution.json'), 'utf8')) as { format: string; report: { solver: { backend: string } } };
    expect(solution.format).toBe('pathway-scheduler/solution@1');
    expect(solution.report.solver.backend).toBe('highs');
  });

  it('check accepts the file (exit 0), and its figures are exactly those of the file’s report', () => {
    const checked = cli('check', 'hand.json', 'out/solution.json');
    expect(checked.stdout).toMatch(/^valid: every hard rule holds/);
    expect(checked.code).toBe(0);
    const json = cli('check', 'hand.json', 'out/solution.json', '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { valid: boolean; violations: unknown[]; figures: unknown };
    expect(result.valid).toBe(true);
    expect(result.violations).toEqual([]);
    const solution = JSON.parse(readFileSync(join(dir, 'out/solution.json'), 'utf8')) as { report: { figures: unknown } };
    expect(solution.report.figures).toEqual(result.figures);
  });

  it('exits 1 and lists the broken rule when a schedule breaks a hard rule', () => {
    const solution = JSON.parse(readFileSync(join(dir, 'out/solution.json'), 'utf8')) as { sections: Array<{ teacher: string; slots: string[] }> };
    const [a, b] = solution.sections.filter((s) => s.slots.length === 1);
    if (!a || !b) expect.unreachable('the solution has fewer than two single-slot sections');
    b.teacher = a.teacher;
    b.slots = [...a.slots];
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(solution));
    const checked = cli('check', 'hand.json', 'broken.json');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^INVALID: /);
    expect(checked.stdout).toContain('teacher-clash');
  });

  it('exits 2 on malformed JSON, names the file, writes nothing and prints no stack trace', () => {
    writeFileSync(join(dir, 'bad.json'), '{"format": "pathway-scheduler/scenario@1",');
    const r = cli('solve', 'bad.json', '-o', 'never.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json: 1 problem\n✖ not valid JSON/);
    noStackTrace(r.stderr);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('exits 2 on a dangling id, naming the JSON path and the fix', () => {
    const s = JSON.parse(readFileSync(fixture('tiny-ab.json'), 'utf8')) as { students: Array<{ requests: string[] }> };
    s.students[4]!.requests.push('BASKETWEAVING');
    writeFileSync(join(dir, 'dangling.json'), JSON.stringify(s));
    const r = cli('solve', 'dangling.json', '-o', 'never.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown course "BASKETWEAVING" → at students\[4\]\.requests\[\d+\]\n\s+fix: /);
    noStackTrace(r.stderr);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('exits 2 on a missing file and on a bad option value', () => {
    expect(cli('check', 'nowhere.json', 'none.json').code).toBe(2);
    const r = cli('solve', fixture('tiny-ab.json'), '--solver', 'cplex');
    expect(r.code).toBe(2);
    noStackTrace(r.stderr);
  });

  it('reports an infeasible scenario with the groups of rules involved, without crashing', () => {
    const s = JSON.parse(readFileSync(fixture('tiny-ab.json'), 'utf8')) as {
      courses: Array<{ id: string; meets: { periods: number; days: string; terms: string } }>;
      teachers: Array<{ courses: string[] }>;
      locks?: Array<{ course: string; slot: string }>;
    };
    // A course only one teacher can teach, locked twice into the same slot.
    const course =
      s.courses.find((c) => s.teachers.filter((t) => t.courses.includes(c.id)).length === 1 && c.meets.periods === 1 && c.meets.days === 'one') ??
      expect.unreachable('no single-period course with one teacher');
    s.locks = [
      { course: course.id, slot: 'A.1' },
      { course: course.id, slot: 'A.1' },
    ];
    writeFileSync(join(dir, 'infeasible.json'), JSON.stringify(s));
    const r = cli('solve', 'infeasible.json', '-o', 'never.json', '--time-limit', '10');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('the hard rules cannot all hold');
    expect(r.stdout).toContain(`lock ${course.id} in A.1`);
    expect(r.stdout).toContain(`move or remove the lock of ${course.id} in A.1`);
    noStackTrace(r.stdout + r.stderr);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('generates a seeded synthetic school the engine accepts and schedules', async () => {
    const r = cli('generate', '--students', '40', '--calendar', 'trad7', '--pathways', '1', '--seed', '5', '-o', 'gen.json');
    expect(r.code).toBe(0);
    const again = cli('generate', '--students', '40', '--calendar', 'trad7', '--pathways', '1', '--seed', '5', '-o', 'gen2.json');
    expect(again.code).toBe(0);
    const text = readFileSync(join(dir, 'gen.json'), 'utf8');
    expect(readFileSync(join(dir, 'gen2.json'), 'utf8')).toBe(text);
    const scenario = parseScenario(JSON.parse(text), 'gen.json');
    expect(scenario.students).toHaveLength(40);
    const outcome = await solve(scenario, { timeLimitSeconds: 600, workBudget: { placementSteps: 1, searchSteps: 0, stepNodes: 1, stageNodes: 0 } });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status === 'scheduled') expect(outcome.check.violations).toEqual([]);
  });
});

/**
 * The contract cases of ../shared/cases (copied to test/cases/), each with its right outcome,
 * through the engine and the independent checker; and the guard that keeps the report honest
 * when a named schedule falls short of the program's value.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { parseSolution } from '../../src/solution/parse.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { buildInstance, type Instance } from '../../src/model/instance.js';
import { formulate } from '../../src/model/formulation.js';
import { strategyObjective, tierValues, withObjective } from '../../src/model/objective.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { realise, repairLoading, shortGroups } from '../../src/engine/realise.js';
import { formatReport } from '../../src/report/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

const root = resolve(import.meta.dirname, '../..');
const caseFile = (name: string) => join(root, 'test/cases', `${name}.json`);
const input = (name: string) => JSON.parse(readFileSync(caseFile(name), 'utf8')) as ScenarioInput;
const scenarioOf = (name: string) => parseScenario(input(name), name);

afterAll(async () => {
  await shutdownSolverWorkers();
});

async function scheduled(scenario: Scenario) {
  const outcome = await solve(scenario, { timeLimitSeconds: 20 });
  if (outcome.status !== 'scheduled') throw new Error(`expected a schedule, got ${outcome.status}`);
  expect(outcome.check.valid).toBe(true);
  // The report's figures are the checker's own for the delivered schedule.
  expect(check(scenario, outcome.solution).figures).toEqual(outcome.solution.report.figures);
  return outcome;
}

describe('the contract cases', () => {
  it('double-period-two-students: 8 of 8 met, and the report does not call 7 optimal', async () => {
    const scenario = scenarioOf('double-period-two-students');
    const given = parseSolution(JSON.parse(readFileSync(caseFile('double-period-two-students.solution'), 'utf8')), 'solution');
    expect(check(scenario, given).figures.requestsMet.count).toBe(8);
    const outcome = await scheduled(scenario);
    expect(outcome.solution.report.figures.requestsMet).toMatchObject({ count: 8, total: 8 });
    const solver = outcome.solution.report.solver;
    expect(solver.programObjective).toBeUndefined();
    expect(solver.tiers?.every((t) => t.schedule === t.program)).toBe(true);
  });

  it('required-outranks-requested: every required request met (13 of 13), requested 0 of 11', async () => {
    const outcome = await scheduled(scenarioOf('required-outranks-requested'));
    const { required, requested } = outcome.solution.report.figures.requestsByPriority;
    expect(required).toMatchObject({ count: 13, total: 13 });
    expect(requested).toMatchObject({ count: 0, total: 11 });
    const yearbook = outcome.solution.sections.find((s) => s.course === 'Y');
    expect(yearbook?.slots).toEqual(['2']);
  });

  it('grade-outside-course: solve exits 2 naming students[0].requests[2] and the fix, writing nothing', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
        join(root, 'src/cli/main.ts'),
        'solve',
        caseFile('grade-outside-course'),
        '-o',
        join(root, 'test/cases/never-written.json'),
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toContain(
      'requested course "APCALC" (AP Calculus AB) is for grade 12, but student F01 is in grade 9 → at students[0].requests[2]',
    );
    expect(r.stderr + r.stdout).toContain('fix: remove it, add 9 to the "grades" of course "APCALC"');
    expect(() => readFileSync(join(root, 'test/cases/never-written.json'))).toThrow();
  });

  it('grade-outside-course under gradeRule "allow": admitted, and the report counts it', async () => {
    const allowed = input('grade-outside-course');
    allowed.policy = { ...allowed.policy, gradeRule: 'allow' };
    const scenario = parseScenario(allowed);
    const outcome = await scheduled(scenario);
    expect(outcome.solution.report.figures.requestsOutsideGrade).toBe(1);
    expect(formatReport(outcome.solution.report, scenario)).toContain(`outside the course's grades (admitted by policy.gradeRule "allow"): 1`);
  });

  it('one-alternate-two-requests: one Photography section each, Choir and Art 1 to four students: 16 of 18', async () => {
    const outcome = await scheduled(scenarioOf('one-alternate-two-requests'));
    expect(outcome.solution.report.figures.requestsMet).toMatchObject({ count: 16, total: 18 });
    const courseOf = new Map(outcome.solution.sections.map((s) => [s.id, s.course]));
    for (const [student, ids] of Object.entries(outcome.solution.enrollments)) {
      const courses = ids.map((id) => courseOf.get(id));
      expect(new Set(courses).size, student).toBe(courses.length);
      expect(
        courses.filter((c) => c === 'PHOTO'),
        student,
      ).toHaveLength(1);
    }
  });
});

describe('the guard between the program and the named schedule', () => {
  it('re-solves a loading whose merged counts no two timetables realise, with the group split', async () => {
    const scenario = scenarioOf('double-period-two-students');
    const exact = buildInstance(scenario);
    expect(exact.groups.map((g) => g.students)).toEqual([['W01'], ['W02']]);
    // The two students merged into one group, as the engine grouped them before the fix.
    const merged: Instance = { ...exact, groups: [{ ...exact.groups[0]!, key: 'both', students: ['W01', 'W02'] }] };
    const form = formulate(merged);
    const goal = strategyObjective('cte-first', form);
    // A board and counts the merged program accepts as 8 requests met: Welding in A.1+A.2 and in
    // B.1+B.2, English in A.1 and in A.2. Whoever takes the A-day lab can take neither English
    // section, so no two timetables realise these counts: this board meets 7.
    const on = [
      'teach[WELD1,TW,A.1+A.2]',
      'teach[WELD1,TW,B.1+B.2]',
      'teach[ENG11,TE,A.1]',
      'teach[ENG11,TE,A.2]',
      'teach[USHIST,TH,A.3]',
      'teach[USHIST,TH,A.4]',
      'teach[CHEM,TC,B.3]',
      'teach[CHEM,TC,B.4]',
    ];
    const takes = [
      'WELD1,WELD1,A.1+A.2',
      'WELD1,WELD1,B.1+B.2',
      'ENG11,ENG11,A.1',
      'ENG11,ENG11,A.2',
      'USHIST,USHIST,A.3',
      'USHIST,USHIST,A.4',
      'CHEM,CHEM,B.3',
      'CHEM,CHEM,B.4',
    ].map((t) => `take[g0,none,${t}]`);
    const names = new Set([...on, ...takes]);
    const values = form.builder.columns.map((c) => (names.has(c.name) ? 1 : 0));
    expect(values.filter((v) => v === 1)).toHaveLength(16);
    const model = withObjective(form.builder.build('max', []), goal.objective);
    expect(checkFeasibility(model, values, 1e-9).feasible).toBe(true);
    expect(tierValues(goal.tiers, values)).toEqual([8]);
    const named = realise(form, goal, values);
    expect(named.tiers).toEqual([7]);
    expect(shortGroups(form, values, named)).toEqual([0]);
    // Split, the program's own value for this board is what the named students get: 7, not 8.
    const repair = await repairLoading(form, 'cte-first', values, [0], { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
    expect(repair?.form.inst.groups.map((g) => g.students)).toEqual([['W01'], ['W02']]);
    expect(repair?.result.termination).toBe('optimal');
    if (!repair) expect.unreachable('the loading was not repaired');
    expect(tierValues(repair.goal.tiers, repair.values)).toEqual([7]);
    expect(repair.named.tiers).toEqual([7]);
    expect(repair.named.checked.valid).toBe(true);
  });

  it('reports both values, and never optimal, when rooms leave the named schedule short', async () => {
    // Both sections of A must meet in period 1; the program counts 2 seats each, but one of the
    // two rooms seats 1, so one of four students cannot be loaded.
    const scenario = parseScenario({
      format: 'pathway-scheduler/scenario@1',
      name: 'a small room',
      calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2'] },
      rooms: [
        { id: 'R1', type: 'general', capacity: 2 },
        { id: 'R2', type: 'general', capacity: 1 },
      ],
      teachers: [
        { id: 'T1', name: 'One', courses: ['A'], maxSections: 1 },
        { id: 'T2', name: 'Two', courses: ['A'], maxSections: 1 },
      ],
      courses: [
        { id: 'A', name: 'A', grades: [10], capacity: 2, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' }, allowedPeriods: ['1'] },
      ],
      pathways: [],
      students: ['S1', 'S2', 'S3', 'S4'].map((id) => ({ id, grade: 10, requests: ['A'] })),
      policy: { agRule: 'off' },
    });
    const outcome = await scheduled(scenario);
    const solver = outcome.solution.report.solver;
    expect(outcome.solution.report.figures.requestsMet.count).toBe(3);
    expect(solver.tiers).toEqual([{ name: 'requested requests met', schedule: 3, program: 4 }]);
    expect(solver.objective).toBe(3);
    expect(solver.programObjective).toBe(4);
    expect(solver.schedule).toBe('feasible');
    expect(solver.stages.map((s) => s.name)).toContain('loading, short groups split');
    expect(formatReport(outcome.solution.report, scenario)).toMatch(
      /program objective\s+4 \(the program's value for this board, which the named schedule does not reach\)/,
    );
  });
});

/**
 * The delivered schedule is never worse, by the checker's tiers, than a schedule the solve held
 * (src/engine/delivery.ts). A stage may replace the incumbent with a solution the program ranks
 * as high (its counts are by group) whose named students fare worse: here a stage "returns" the
 * incumbent's counts on a board missing half its regular sections, as a stage cut by the clock
 * might, and the incumbent it replaced (or the caller's start schedule) is still the one delivered.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { solveSettings } from '../../src/engine/settings.js';
import { schoolProgram } from '../../src/model/program.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { SolveRun } from '../../src/engine/run-state.js';
import { deliver } from '../../src/engine/outcome.js';
import { judge, realise } from '../../src/engine/realise.js';
import { compareTierValues } from '../../src/model/objective.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
afterAll(async () => {
  await shutdownSolverWorkers();
});

describe('a stage whose poor result replaced a better incumbent', () => {
  it('does not make the solve deliver it: the better incumbent, judged by the checker, is delivered', async () => {
    const settings = solveSettings(readScenarioFile(join(root, 'fixtures/tiny-ab.json')), {
      timeLimitSeconds: 60,
      workBudget: { placementSteps: 0, searchSteps: 0, stepNodes: 50, stageNodes: 20 },
    });
    const program = schoolProgram(settings.scenario, settings.strategy);
    const { form, model, goal } = program;
    const schedule = greedyCteFirstSchedule(settings.scenario);
    const good = scheduleToValues(form, schedule, model.columns.length);
    expect(checkFeasibility(model, good, 1e-6).feasible).toBe(true);
    // The same counts on a board without every second regular section.
    const poor = [...good];
    form.vars.teach.filter((v) => !v.cohort && (good[v.col] ?? 0) > 0.5).forEach((v, i) => i % 2 === 0 && (poor[v.col] = 0));
    // The greedy start is left empty, so only the set-aside incumbent can save the delivery.
    const run = new SolveRun(settings, program, null, { board: [], onBoard: new Set(), fix: new Map(), loaderSchedule: { sections: [], enrollments: {} } });
    run.replace(good, 'greedy board');
    expect(run.beats(poor, good)).toBe(0); // the program cannot tell them apart...
    const goodJudged = judge(settings.scenario, realise(form, goal, good).schedule, goal.tiers);
    expect(compareTierValues(realise(form, goal, poor).tiers, goodJudged.tiers)).toBeLessThan(0); // ...the checker can
    run.replace(poor, 'board');
    run.runs.push({
      kind: 'whole',
      name: 'board',
      result: { termination: 'time-limit', values: poor, objective: null, bound: null, gap: null, seconds: 1, backend: settings.backend },
    });
    const outcome = await deliver(run);
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    expect(outcome.check.violations).toEqual([]);
    expect(outcome.solution.report.solver.delivered).toBe('greedy board');
    expect(outcome.solution.report.solver.tiers?.map((t) => t.schedule)).toEqual(goodJudged.tiers);
  });

  it('nor below the caller’s start schedule, when only the start holds the better schedule', async () => {
    const scenario = readScenarioFile(join(root, 'fixtures/tiny-ab.json'));
    const schedule = greedyCteFirstSchedule(scenario);
    const settings = solveSettings(scenario, { timeLimitSeconds: 60, start: schedule });
    const program = schoolProgram(settings.scenario, settings.strategy);
    const { form, model, goal } = program;
    const good = scheduleToValues(form, schedule, model.columns.length);
    const poor = [...good];
    form.vars.teach.filter((v) => !v.cohort && (good[v.col] ?? 0) > 0.5).forEach((v, i) => i % 2 === 0 && (poor[v.col] = 0));
    const run = new SolveRun(settings, program, null, { board: [], onBoard: new Set(), fix: new Map(), loaderSchedule: { sections: [], enrollments: {} } });
    run.replace(poor, 'board');
    run.runs.push({
      kind: 'whole',
      name: 'board',
      result: { termination: 'time-limit', values: poor, objective: null, bound: null, gap: null, seconds: 1, backend: settings.backend },
    });
    const outcome = await deliver(run);
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    expect(outcome.check.violations).toEqual([]);
    expect(outcome.solution.report.solver.delivered).toBe('start');
    expect(outcome.solution.report.solver.tiers?.map((t) => t.schedule)).toEqual(judge(scenario, schedule, goal.tiers).tiers);
  });

  it('a start schedule that breaks a rule of the scenario is refused before any work, naming the rule', () => {
    const scenario = readScenarioFile(join(root, 'fixtures/tiny-ab.json'));
    const schedule = greedyCteFirstSchedule(scenario);
    const [first, ...rest] = schedule.sections;
    if (!first || !rest[0]) expect.unreachable('the greedy schedule has fewer than two sections');
    // The first section moved onto the second's teacher and slots: a teacher in two places at once.
    const clash = { ...schedule, sections: [{ ...first, teacher: rest[0].teacher, slots: rest[0].slots }, ...rest] };
    expect(() => solveSettings(scenario, { start: clash })).toThrow(/<options>[\s\S]*start[\s\S]*breaks a hard rule/);
  });
});

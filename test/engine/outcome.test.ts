/**
 * Honest status (issue 14): the report calls a schedule optimal only when its own value (the
 * checker's figures in the whole program's weights) reaches a proven bound of the whole program;
 * a stage's own end (the loading of a fixed board, a search step) never counts, nor does an
 * interrupt; and the placement gap is (bound − placed) / bound.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MipResult } from '../../solver/backend.js';
import { provenOptimal, solverFigures, type RunKind, type StageRun } from '../../src/engine/outcome.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

const result = (termination: MipResult['termination'], objective: number | null, bound: number | null): MipResult => ({
  termination,
  values: objective === null ? null : [1],
  objective,
  bound,
  gap: null,
  seconds: 1,
  backend: 'highs',
});
const stage = (kind: RunKind, r: MipResult, extra: Partial<StageRun> = {}): StageRun => ({ kind, name: kind, result: r, ...extra });
const meta = (over: Partial<Parameters<typeof solverFigures>[1]> = {}): Parameters<typeof solverFigures>[1] => ({
  backend: 'highs',
  strategy: 'cte-first',
  seed: 1,
  seconds: 1,
  partial: false,
  interrupted: false,
  proven: false,
  placementBound: { value: 5, source: 'test' },
  placed: 4,
  ...over,
});

describe('provenOptimal', () => {
  it('holds when the whole program’s bound is reached by the schedule’s own value, not before', () => {
    const runs = [stage('greedy', result('optimal', 90, 90)), stage('whole', result('node-limit', 95, 100.4))];
    // Integral weights: a bound of 100.4 proves no schedule exceeds 100.
    expect(provenOptimal(runs, 100)).toBe(true);
    expect(provenOptimal(runs, 99)).toBe(false);
  });

  it('never from a stage of the board held fixed, a search or a placement search, even one that ended optimal', () => {
    const kinds: RunKind[] = ['greedy', 'loading', 'search', 'placement', 'placement loading', 'repair'];
    for (const kind of kinds) expect(provenOptimal([stage(kind, result('optimal', 100, 100))], 100)).toBe(false);
  });

  it('from the tier ceilings alone when the schedule reaches them, never below them', () => {
    expect(provenOptimal([], 100, 100)).toBe(true);
    expect(provenOptimal([stage('loading', result('optimal', 99, 99))], 99, 100)).toBe(false);
  });

  it('never from a whole-program run without a bound on the program’s scale', () => {
    expect(provenOptimal([stage('whole', result('optimal', 100, null))], 100)).toBe(false);
  });

  it('a schedule below the whole program’s bound is never optimal (property)', () => {
    const kinds: RunKind[] = ['placement', 'placement loading', 'greedy', 'search', 'whole', 'loading', 'repair'];
    const terminations: MipResult['termination'][] = ['optimal', 'node-limit', 'time-limit', 'gap-reached', 'interrupted'];
    const run = fc.record({
      kind: fc.constantFrom(...kinds),
      termination: fc.constantFrom(...terminations),
      bound: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      objective: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 6 }), fc.integer({ min: 0, max: 200 }), fc.boolean(), (list, value, interrupted) => {
        const runs = list.map((r) => stage(r.kind, result(r.termination, r.objective, r.bound)));
        const proven = provenOptimal(runs, value);
        const figures = solverFigures(runs, meta({ proven, interrupted }));
        const wholeBounds = runs.flatMap((r) => (r.kind === 'whole' && r.result.bound !== null ? [r.result.bound] : []));
        if (figures.schedule === 'optimal' || figures.termination === 'optimal') expect(wholeBounds.some((b) => value >= b)).toBe(true);
        if (wholeBounds.every((b) => value < b)) expect(figures.schedule).not.toBe('optimal');
        if (interrupted) expect(figures.termination).toBe('interrupted');
      }),
    );
  });
});

describe('solverFigures', () => {
  it('gives the placement gap (bound − placed) / bound and proves placement only at the bound', () => {
    const runs = [stage('greedy', result('optimal', 90, 90))];
    expect(solverFigures(runs, meta())).toMatchObject({ placementGap: 0.2, placementProven: false, schedule: 'feasible' });
    expect(solverFigures(runs, meta({ placed: 5 }))).toMatchObject({
      placementGap: 0,
      placementProven: true,
      termination: 'bound-reached',
      schedule: 'feasible',
    });
  });

  it('says which stopped the solve: the search’s stall rule, a work limit, the clock, an interrupt', () => {
    const search = (extra: Partial<StageRun>, termination: MipResult['termination'] = 'optimal') => [
      stage('greedy', result('optimal', 90, 90)),
      stage('search', result(termination, 95, null), extra),
    ];
    expect(solverFigures(search({ stall: true }), meta()).termination).toBe('local-optimum');
    expect(solverFigures(search({}, 'node-limit'), meta()).termination).toBe('work-limit');
    expect(solverFigures(search({ timeCut: true }, 'time-limit'), meta()).termination).toBe('time-limit');
    // Stopped between stages: every stage ran to its own end, yet the solve did not.
    expect(solverFigures(search({}), meta({ interrupted: true })).termination).toBe('interrupted');
    expect(solverFigures(search({ stall: true }), meta({ interrupted: true, partial: true }))).toMatchObject({
      termination: 'interrupted',
      schedule: 'feasible',
      partial: true,
    });
  });
});

/** One day of three periods; a pathway of one cohort course and one other course, two members, one other student. */
function tinySchool(): ScenarioInput {
  const course = (id: string, extra: Partial<ScenarioInput['courses'][number]> = {}): ScenarioInput['courses'][number] => ({
    id,
    name: id,
    ag: null,
    grades: [10],
    capacity: 30,
    roomType: 'general',
    meets: { periods: 1, days: 'all', terms: 'all' },
    ...extra,
  });
  return {
    format: 'pathway-scheduler/scenario@1',
    name: 'proof',
    calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2', '3'] },
    rooms: [
      { id: 'R1', type: 'general', capacity: 30 },
      { id: 'R2', type: 'general', capacity: 30 },
    ],
    teachers: [
      { id: 'T1', name: 'T1', courses: ['CT'], maxSections: 2 },
      { id: 'T2', name: 'T2', courses: ['X'], maxSections: 2 },
    ],
    courses: [course('CT', { cte: true }), course('X')],
    pathways: [
      { id: 'P', name: 'P', sector: 'Health Science and Medical Technology', cohortSize: 5, cohortCourses: { '10': ['CT'] }, team: [], commonPlanning: 0 },
    ],
    students: [
      { id: 'M1', grade: 10, pathway: 'P', requests: ['CT', 'X'] },
      { id: 'M2', grade: 10, pathway: 'P', requests: ['CT', 'X'] },
      { id: 'S1', grade: 10, requests: ['X'] },
    ],
    policy: { agRule: 'off' },
  };
}

describe('solve() on a school small enough to prove', () => {
  it('calls the schedule optimal when every tier is at its ceiling: placement at its bound, every request met', async () => {
    const scenario = parseScenario(tinySchool());
    const outcome = await solve(scenario, { timeLimitSeconds: 30 });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const solver = outcome.solution.report.solver;
    expect(check(scenario, outcome.solution).figures.pathwayPlaced.count).toBe(2);
    expect(solver).toMatchObject({ schedule: 'optimal', termination: 'optimal', placementGap: 0, placementProven: true });
    // The proof: placement at its bound and every request met, so every tier is at its ceiling.
    expect(outcome.solution.report.figures.requestsMet.count).toBe(outcome.solution.report.figures.requestsMet.total);
  });

  it('does not call it optimal when a request goes unmet and no whole-program bound proves it', async () => {
    // X seats two and its only teacher teaches one section: one of its three requesters is left out.
    const input = tinySchool();
    input.courses[1]!.capacity = 2;
    input.teachers[1]!.maxSections = 1;
    const scenario = parseScenario(input);
    const outcome = await solve(scenario, { timeLimitSeconds: 30 });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const solver = outcome.solution.report.solver;
    const met = outcome.solution.report.figures.requestsMet;
    expect(met.count).toBeLessThan(met.total);
    const wholeBounds = solver.stages.flatMap((s) => (s.name === 'board' && s.bound !== null ? [s.bound] : []));
    if (solver.schedule === 'optimal') {
      const objective = solver.objective ?? expect.unreachable('an optimal schedule has an objective');
      expect(wholeBounds.some((b) => objective >= Math.floor(b + 1e-6))).toBe(true);
    } else expect(solver.termination).not.toBe('optimal');
  });
});

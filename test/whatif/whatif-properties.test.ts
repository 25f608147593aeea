/**
 * What-if comparisons on random small schools (helpers/random-school.ts), each on a fixed and a
 * random seed, through compareScenarios (solving in this thread):
 * - a variant that only relaxes rules never places fewer pathway students than the base: a
 *   qualified teacher added; a second lab where one lab holds every CTE course (double periods)
 *   and Biology, so that rooms bind; common planning time dropped. The variants' solves get a
 *   work budget far too small to reach the base's placement on their own (no search, one node
 *   per stage), so the property holds only because a variant where the base's schedule is still
 *   valid starts from it, not because both solves reach the same optimum.
 * - removing a pathway student never lowers the placed share of the others, in the form that
 *   holds: the number of cohorts unchanged (tiny schools have one cohort) and every course's
 *   section count held at the base's plan. The removal argument is that the base's schedule,
 *   less the student, stays valid; it fails when ceil(members / cohortSize) drops (the example
 *   below) and, in general, when a section count derived from requests drops.
 * And of the variant worker pool: whatever mix of healthy, exiting and throwing workers and pool
 * size, each task gets its own result in task order, and a healthy one the figures of a solve of
 * the same scenario in this thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { solve, type SolveOptions, type SolveOutcome } from '../../src/engine/solve.js';
import { buildInstance } from '../../src/model/instance.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { compareScenarios } from '../../src/compare/index.js';
import { runVariantPool } from '../../src/whatif/pool.js';
import { tinySchool, tinySchoolShape } from '../helpers/tiny-school.js';
import { randomSchool } from '../helpers/random-school.js';
import { propertySeeds } from '../helpers/seeds.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** Pathway students placed (and the ids placed), or null when no schedule exists. */
async function placedOf(scenario: Scenario): Promise<{ placed: number; ids: Set<string> } | null> {
  const outcome: SolveOutcome = await solve(scenario, { timeLimitSeconds: 20 });
  if (outcome.status !== 'scheduled') {
    expect(outcome.status).toBe('infeasible');
    return null;
  }
  const placed = new Set(outcome.solution.report.notPlaced.map((n) => n.student));
  const members = scenario.students.filter((s) => s.pathway !== undefined && !placed.has(s.id)).map((s) => s.id);
  return { placed: outcome.check.figures.pathwayPlaced.count, ids: new Set(members) };
}

/** Every course's section count fixed at what the engine plans for the scenario. */
function holdSections(input: ScenarioInput): ScenarioInput {
  const inst = buildInstance(parseScenario(input));
  const cohortSections = new Map<string, number>();
  for (const k of inst.cohorts) for (const c of k.courses) cohortSections.set(c, (cohortSections.get(c) ?? 0) + 1);
  return {
    ...input,
    courses: input.courses.map((c) => ({ ...c, sections: (inst.courses.get(c.id)?.regularSections ?? 0) + (cohortSections.get(c.id) ?? 0) })),
  };
}

/**
 * Schools where the lab binds (one lab for every double-period CTE course and Biology: a second
 * lab raises the optimum in about one school in ten), with a teacher to add.
 */
/** Work limits that leave many small schools below their optimum: no search steps, one node per stage. */
const SMALL_BUDGET = { placementSteps: 0, searchSteps: 0, stepNodes: 1, stageNodes: 1 };

const relaxed = fc.tuple(
  randomSchool({ labs: 'scarce', doublePeriods: 'always' }),
  fc.subarray(['CT1', 'CT2', 'ENG', 'MATH', 'BIO', 'SPAN', 'HIST', 'ART'], { minLength: 1 }),
  fc.integer({ min: 1, max: 3 }),
);

describe.each(propertySeeds())('what-if relaxations never cost pathway placement ($label)', ({ seed }) => {
  it('a teacher added, a second lab, no common planning time: each variant places at least the base', async () => {
    await fc.assert(
      fc.asyncProperty(relaxed, async ([input, courses, maxSections]) => {
        const known = courses.filter((c) => input.courses.some((x) => x.id === c));
        const lab = input.rooms.find((r) => r.type === 'lab') ?? expect.unreachable('the school has no lab');
        const variants = [
          {
            name: 'teacher',
            scenario: parseScenario({
              ...input,
              teachers: [...input.teachers, { id: 'TNEW', name: 'New teacher', courses: known.length > 0 ? known : ['ENG'], maxSections }],
            }),
          },
          // The same size as the lab it doubles: a larger room could raise seats per section and so lower a derived section count.
          { name: 'second lab', scenario: parseScenario({ ...input, rooms: [...input.rooms, { ...lab, id: 'LABNEW' }] }) },
          { name: 'no CPT', scenario: parseScenario({ ...input, pathways: input.pathways.map((p) => ({ ...p, commonPlanning: 0 })) }) },
        ];
        const started = new Map<string, boolean>();
        const solveScenario = (s: Scenario, o: SolveOptions, name: string) => {
          started.set(name, o.start !== undefined);
          return solve(s, name === 'base' ? o : { ...o, workBudget: SMALL_BUDGET });
        };
        const comparison = await compareScenarios(parseScenario(input), variants, { solveScenario, timeLimitSeconds: 20, concurrency: 1 });
        const [base, ...rows] = comparison.rows;
        if (!base) expect.unreachable('the comparison has no base row');
        if (base.status !== 'scheduled') {
          expect(base.status).toBe('infeasible');
          return;
        }
        for (const row of rows) {
          // The base's schedule keeps every rule of a relaxation, so the variant starts from it.
          expect(started.get(row.name)).toBe(true);
          expect(row.status).toBe('scheduled');
          expect(row.metrics?.pathwayPlaced.count).toBeGreaterThanOrEqual(
            base.metrics?.pathwayPlaced.count ?? expect.unreachable('a scheduled base has metrics'),
          );
        }
      }),
      { numRuns: 20, seed },
    );
  });
});

describe.each(propertySeeds())('removing a pathway student ($label)', ({ seed }) => {
  it('never lowers the placed share of the others (section counts held)', async () => {
    await fc.assert(
      fc.asyncProperty(
        tinySchoolShape.filter((shape) => shape.members.length >= 2),
        fc.nat(),
        async (shape, pick) => {
          const input = holdSections(tinySchool(shape));
          const members = input.students.filter((s) => s.pathway !== undefined);
          const gone = members[pick % members.length]!.id;
          const before = await placedOf(parseScenario(input));
          const after = await placedOf(parseScenario({ ...input, students: input.students.filter((s) => s.id !== gone) }));
          if (before === null) return;
          if (after === null) expect.unreachable('the school without the student has no schedule');
          const othersBefore = [...before.ids].filter((id) => id !== gone).length;
          // Same denominator (the others), so comparing counts compares shares.
          expect(after.placed).toBeGreaterThanOrEqual(othersBefore);
        },
      ),
      { numRuns: 25, seed },
    );
  });
});

describe('removing a pathway student: why the cohort count must not change', () => {
  it('can lower the others’ share when the cohort count drops and cohort courses seat fewer than the cohort size', async () => {
    // Cohort size 3, but the cohort courses seat 2: four members make ceil(4/3) = 2 cohorts of 2
    // seats each, so all four fit; without M4, three members make one cohort of 2 seats.
    const input: ScenarioInput = {
      format: 'pathway-scheduler/scenario@1',
      name: 'cohort count drop',
      calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2', '3'] },
      rooms: [
        { id: 'R1', type: 'general', capacity: 10 },
        { id: 'R2', type: 'general', capacity: 10 },
      ],
      teachers: [
        { id: 'T1', name: 'One', courses: ['CT', 'CA'], maxSections: 2 },
        { id: 'T2', name: 'Two', courses: ['CT', 'CA'], maxSections: 2 },
      ],
      courses: ['CT', 'CA'].map((id) => ({
        id,
        name: id,
        ag: null,
        cte: id === 'CT',
        grades: [10],
        capacity: 2,
        roomType: 'general',
        meets: { periods: 1 as const, days: 'all' as const, terms: 'all' as const },
      })),
      pathways: [{ id: 'P', name: 'Pathway', sector: 'Health', cohortSize: 3, cohortCourses: { '10': ['CT', 'CA'] }, team: [], commonPlanning: 0 }],
      students: ['M1', 'M2', 'M3', 'M4'].map((id) => ({ id, grade: 10, pathway: 'P', requests: ['CT', 'CA'] })),
      policy: { agRule: 'off', timeLimitSeconds: 20 },
    };
    const before = await placedOf(parseScenario(input));
    const after = await placedOf(parseScenario({ ...input, students: input.students.filter((s) => s.id !== 'M4') }));
    expect(before?.placed).toBe(4);
    expect(after?.placed).toBe(2);
  });
});

describe.each(propertySeeds())('the variant worker pool ($label)', ({ seed }) => {
  it('gives every task its own result, in task order, whatever crashes and pool size; healthy ones as a solve here', async () => {
    const scenario = parseScenario(fc.sample(randomSchool(), { numRuns: 1, seed })[0]!);
    const solo = await solve(scenario, { timeLimitSeconds: 5, seed: 2 });
    const soloFigures = solo.status === 'scheduled' ? solo.check.figures : null;
    const expected = {
      exit: 'the variant worker exited with code 3 before the solve finished',
      throw: 'the variant worker crashed: simulated crash of the variant worker (test)',
    } as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('ok', 'exit', 'throw'), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 2 }),
        async (kinds, size) => {
          const ended: number[] = [];
          const results = await runVariantPool(
            kinds.map((k) => ({ scenario, options: { timeLimitSeconds: 5, seed: 2 }, watchdogSeconds: 60, ...(k === 'ok' ? {} : { testCrash: k }) })),
            { size, onResult: (_, i) => ended.push(i) },
          );
          expect([...ended].sort()).toEqual(kinds.map((_, i) => i));
          results.forEach((r, i) => {
            const kind = kinds[i]!;
            if (kind !== 'ok') {
              expect(r).toEqual({ kind: 'failed', message: expected[kind] });
              return;
            }
            expect(r.kind === 'outcome' && r.outcome.status).toBe(solo.status);
            expect(r.kind === 'outcome' && r.outcome.status === 'scheduled' ? r.outcome.check.figures : null).toEqual(soloFigures);
          });
        },
      ),
      { numRuns: 4, seed },
    );
  });
});

/**
 * Monotonicity of the optimum on tiny random schools (solved to proven optimality):
 * - adding a qualified teacher never lowers the pathway students placed;
 * - adding a room of an existing type and size never lowers it;
 * - removing a pathway student never lowers the placed share of the others in that pathway, in
 *   the form that holds: the number of cohorts unchanged (a tiny school has one cohort) and every
 *   course's section count held at the base's plan. The removal argument is that the base's
 *   schedule, less the student, stays valid; it fails when ceil(members / cohortSize) drops (the
 *   example below) and, in general, when a section count derived from requests drops.
 * And of the variant worker pool: whatever mix of healthy, exiting and throwing workers and pool
 * size, each task gets its own result in task order and the healthy ones the same figures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../src/scenario/parse.js';
import { solve, type SolveOutcome } from '../src/engine/solve.js';
import { buildInstance } from '../src/model/instance.js';
import type { Scenario, ScenarioInput } from '../src/scenario/schema.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { tinySchool, tinySchoolShape } from './helpers/tiny-school.js';
import { bruteForcePlaced } from './helpers/brute-force.js';
import { runVariantPool } from '../src/whatif/pool.js';

const seed = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** Pathway students placed at the optimum (and the ids placed), or null when no schedule exists. */
async function placedAtOptimum(scenario: Scenario, bruteForce = true): Promise<{ placed: number; ids: Set<string> } | null> {
  const outcome: SolveOutcome = await solve(scenario, { timeLimitSeconds: 20 });
  if (outcome.status !== 'scheduled') {
    expect(outcome.status).toBe('infeasible');
    return null;
  }
  // The engine's optimum is checked against an independent brute force where that applies (no fixed counts).
  if (bruteForce && scenario.courses.every((c) => c.sections === undefined)) expect(outcome.check.figures.pathwayPlaced.count).toBe(bruteForcePlaced(scenario));
  const placed = new Set(outcome.solution.report.notPlaced.map((n) => n.student));
  const members = scenario.students.filter((s) => s.pathway !== undefined && !placed.has(s.id)).map((s) => s.id);
  return { placed: outcome.check.figures.pathwayPlaced.count, ids: new Set(members) };
}

/** Every course's section count fixed at what the engine plans for the scenario. */
function holdSections(input: ScenarioInput): ScenarioInput {
  const inst = buildInstance(parseScenario(input));
  const cohortSections = new Map<string, number>();
  for (const k of inst.cohorts) for (const c of k.courses) cohortSections.set(c, (cohortSections.get(c) ?? 0) + 1);
  return { ...input, courses: input.courses.map((c) => ({ ...c, sections: (inst.courses.get(c.id)?.regularSections ?? 0) + (cohortSections.get(c.id) ?? 0) })) };
}

describe('what-if monotonicity at optimality', () => {
  it('adding a qualified teacher never lowers the placed count', async () => {
    await fc.assert(
      fc.asyncProperty(tinySchoolShape, fc.subarray(['CT', 'CA', 'N1', 'N2'], { minLength: 1 }), fc.integer({ min: 1, max: 3 }), async (shape, courses, maxSections) => {
        const input = tinySchool(shape);
        const before = await placedAtOptimum(parseScenario(input));
        const after = await placedAtOptimum(parseScenario({ ...input, teachers: [...input.teachers, { id: 'TNEW', name: 'New teacher', courses, maxSections }] }));
        if (before === null) return;
        expect(after).not.toBeNull();
        expect(after!.placed).toBeGreaterThanOrEqual(before.placed);
      }),
      { numRuns: 60, seed },
    );
  });

  it('adding a room never lowers the placed count', async () => {
    await fc.assert(
      fc.asyncProperty(tinySchoolShape, fc.constantFrom('general', 'lab'), async (shape, type) => {
        const input = tinySchool(shape);
        const before = await placedAtOptimum(parseScenario(input));
        // Same size as the school's rooms: a larger room could raise seats per section and so lower a derived section count.
        const after = await placedAtOptimum(parseScenario({ ...input, rooms: [...input.rooms, { id: 'RNEW', type, capacity: 10 }] }));
        if (before === null) return;
        expect(after).not.toBeNull();
        expect(after!.placed).toBeGreaterThanOrEqual(before.placed);
      }),
      { numRuns: 25, seed },
    );
  });

  it('removing a pathway student never lowers the placed share of the others (section counts held)', async () => {
    await fc.assert(
      fc.asyncProperty(tinySchoolShape, fc.nat(), async (shape, pick) => {
        const input = holdSections(tinySchool(shape));
        const members = input.students.filter((s) => s.pathway !== undefined);
        if (members.length < 2) return;
        const gone = members[pick % members.length]!.id;
        const before = await placedAtOptimum(parseScenario(input));
        const after = await placedAtOptimum(parseScenario({ ...input, students: input.students.filter((s) => s.id !== gone) }));
        if (before === null) return;
        expect(after).not.toBeNull();
        const othersBefore = [...before.ids].filter((id) => id !== gone).length;
        // Same denominator (the others), so comparing counts compares shares.
        expect(after!.placed).toBeGreaterThanOrEqual(othersBefore);
      }),
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
      courses: ['CT', 'CA'].map((id) => ({ id, name: id, ag: null, cte: id === 'CT', grades: [10], capacity: 2, roomType: 'general', meets: { periods: 1 as const, days: 'all' as const, terms: 'all' as const } })),
      pathways: [{ id: 'P', name: 'Pathway', sector: 'Health', cohortSize: 3, cohortCourses: { '10': ['CT', 'CA'] }, team: [], commonPlanning: 0 }],
      students: ['M1', 'M2', 'M3', 'M4'].map((id) => ({ id, grade: 10, pathway: 'P', requests: ['CT', 'CA'] })),
      policy: { agRule: 'off', timeLimitSeconds: 20 },
    };
    const before = await placedAtOptimum(parseScenario(input), false);
    const after = await placedAtOptimum(parseScenario({ ...input, students: input.students.filter((s) => s.id !== 'M4') }), false);
    expect(before?.placed).toBe(4);
    expect(after?.placed).toBe(2);
  });
});

describe('the variant worker pool', () => {
  it('gives every task its own result, in task order, whatever crashes and pool size', async () => {
    const scenario = parseScenario(tinySchool(fc.sample(tinySchoolShape, { numRuns: 1, seed })[0]!));
    const expected = { ok: 'scheduled', exit: 'the variant worker exited with code 3 before the solve finished', throw: 'the variant worker crashed: simulated crash of the variant worker (test)' } as const;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('ok', 'exit', 'throw'), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 }), async (kinds, size) => {
        const ended: number[] = [];
        const results = await runVariantPool(
          kinds.map((k) => ({ scenario, options: { timeLimitSeconds: 5, seed: 2 }, watchdogSeconds: 60, ...(k === 'ok' ? {} : { testCrash: k }) })),
          { size, onResult: (_, i) => ended.push(i) },
        );
        expect([...ended].sort()).toEqual(kinds.map((_, i) => i));
        const said = results.map((r) => (r.kind === 'outcome' ? r.outcome.status : r.kind === 'failed' ? r.message : 'interrupted'));
        // A tiny school is scheduled or proven infeasible; either way every healthy task says the same.
        expect(said).toEqual(kinds.map((k) => (k === 'ok' ? said[kinds.indexOf('ok')] : expected[k])));
        const figures = results.flatMap((r) => (r.kind === 'outcome' && r.outcome.status === 'scheduled' ? [r.outcome.check.figures] : []));
        for (const f of figures) expect(f).toEqual(figures[0]);
      }),
      { numRuns: 4, seed },
    );
  });
});

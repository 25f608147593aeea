/**
 * The objective's strict tiers (src/model/objective.ts) and their solve (src/board/tiers.ts):
 * the order of tiers per strategy, effective priorities, weights that provably dominate, and the
 * tiers solved in turn when weights would grow too large.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { buildInstance } from '../../src/model/instance.js';
import { formulate } from '../../src/model/formulation.js';
import {
  chunkTiers,
  dominatingWeights,
  objectiveTiers,
  strategyObjective,
  tierFloors,
  tierRanges,
  tierValues,
  withObjective,
} from '../../src/model/objective.js';
import { solveTiers } from '../../src/board/tiers.js';
import type { MipColumn, MipModel } from '../../solver/mip.js';
import { scheduleTiers } from '../../src/engine/realise.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { handScenario, handSchedule } from '../helpers/hand-school.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

const root = resolve(import.meta.dirname, '../..');
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 1_000_000);
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** Pathway P (grade 10, cohort course A) with member M1; S1 outside pathways; agRule as given. */
function school(agRule: 'on-track' | 'off'): ScenarioInput {
  return {
    format: 'pathway-scheduler/scenario@1',
    name: 'tiers',
    calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2', '3'] },
    rooms: [{ id: 'R1', type: 'general', capacity: 30 }],
    teachers: [{ id: 'T1', name: 'One', courses: ['A', 'B', 'C'], maxSections: 2 }],
    courses: [
      { id: 'A', name: 'A', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } },
      { id: 'B', name: 'B', ag: 'b', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } },
      { id: 'C', name: 'C', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } },
    ],
    pathways: [{ id: 'P', name: 'P', sector: 'x', cohortSize: 5, cohortCourses: { '10': ['A'] }, team: [], commonPlanning: 0 }],
    students: [
      { id: 'M1', grade: 10, pathway: 'P', requests: ['A', 'B', 'C'], priorities: { C: 'recommended' } },
      { id: 'S1', grade: 10, requests: ['B', 'C'], priorities: { B: 'recommended' } },
    ],
    policy: { agRule },
  };
}

describe('objective tiers', () => {
  it('cte-first: placement, then required, requested and recommended requests of everyone', () => {
    const form = formulate(buildInstance(parseScenario(school('off'))));
    const tiers = objectiveTiers(form, 'cte-first');
    expect(tiers.map((t) => t.name)).toEqual(['pathway students placed', 'required requests met', 'requested requests met', 'recommended requests met']);
    // Required: M1's cohort course A. Requested: M1's B, S1's C. Recommended: M1's C, S1's B.
    expect(tierRanges(tiers)).toEqual([1, 1, 2, 2]);
  });

  it('academic-first: students outside pathways first, placement, then pathway students, tier by tier', () => {
    const form = formulate(buildInstance(parseScenario(school('off'))));
    expect(objectiveTiers(form, 'academic-first').map((t) => t.name)).toEqual([
      'requested requests met (students outside pathways)',
      'recommended requests met (students outside pathways)',
      'pathway students placed',
      'required requests met (students in pathways)',
      'requested requests met (students in pathways)',
      'recommended requests met (students in pathways)',
    ]);
  });

  it('an A–G course a student needs to stay on track counts as required, only under agRule on-track', () => {
    // S1 (grade 10, no English done) needs two years of b and requests one b course: B is required for them.
    const off = tierRanges(objectiveTiers(formulate(buildInstance(parseScenario(school('off')))), 'cte-first'));
    const on = tierRanges(objectiveTiers(formulate(buildInstance(parseScenario(school('on-track')))), 'cte-first'));
    expect(off).toEqual([1, 1, 2, 2]);
    expect(on).toEqual([1, 3, 1, 1]);
  });

  it('dominating weights: one unit of a tier outweighs every change below it (property)', () => {
    fc.assert(
      // Up to 1,000 per tier and five tiers, the weights stay exact in doubles (below 2^53).
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }), (ranges) => {
        const w = dominatingWeights(ranges);
        expect(w.at(-1)).toBe(1);
        for (let i = 0; i < ranges.length; i++) {
          const below = ranges.slice(i + 1).reduce((s, r, k) => s + r * w[i + 1 + k]!, 0);
          expect(w[i]!).toBeGreaterThan(below);
        }
      }),
      { seed },
    );
  });

  it('chunks of tiers keep every weight within the limit, in order', () => {
    const form = formulate(buildInstance(parseScenario(school('off'))));
    const tiers = objectiveTiers(form, 'academic-first');
    const ranges = tierRanges(tiers);
    expect(chunkTiers(tiers, ranges, Infinity)).toHaveLength(1);
    const single = chunkTiers(tiers, ranges, 1);
    expect(single.map((c) => c.tiers.length)).toEqual(tiers.map(() => 1));
    const some = chunkTiers(tiers, ranges, 6);
    expect(some.flatMap((c) => c.tiers)).toEqual(tiers);
    for (const c of some) expect(Math.max(...dominatingWeights(c.ranges))).toBeLessThanOrEqual(6);
  });

  it('a tier floor counts a member column once per cohort request, merged', () => {
    const input = school('off');
    input.pathways[0]!.cohortCourses = { '10': ['A', 'B'] };
    const form = formulate(buildInstance(parseScenario(input)));
    const tiers = objectiveTiers(form, 'cte-first');
    const [, required] = tierFloors(tiers, [1, 2]);
    if (!required) expect.unreachable('no floor row for the second tier');
    expect(new Set(required.cols).size).toBe(required.cols.length);
    const member = form.builder.columns.findIndex((c) => c.name === 'member[g0,P-10-1]');
    expect(required.coefs[required.cols.indexOf(member)]).toBe(2);
  });
});

describe('the model and the checker count the same tiers', () => {
  it('the hand-made schedule read into the program has the tier values the checker gives it, under either A–G rule', () => {
    for (const agRule of ['on-track', 'off'] as const) {
      const scenario = handScenario((s) => {
        s.policy = { agRule };
        s.students[2]!.priorities = { ENG10: 'recommended' };
      });
      const form = formulate(buildInstance(scenario));
      for (const strategy of ['cte-first', 'academic-first'] as const) {
        const tiers = objectiveTiers(form, strategy);
        const values = scheduleToValues(form, handSchedule(), form.builder.columns.length);
        expect(tierValues(tiers, values), `${agRule} ${strategy}`).toEqual(scheduleTiers(scenario, handSchedule(), tiers));
      }
    }
  });
});

describe('solving the tiers', () => {
  const outranks = () => parseScenario(JSON.parse(readFileSync(join(root, 'test/cases/required-outranks-requested.json'), 'utf8')));

  it('one required request outranks eleven requested ones, weighted or solved in turn', async () => {
    const form = formulate(buildInstance(outranks()));
    const goal = strategyObjective('cte-first', form);
    const model = withObjective(form.builder.build('max', []), goal.objective);
    const weighted = await solveTiers(model, goal, { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
    expect(weighted.solves).toBe(1);
    expect(weighted.weights).toEqual(goal.weights);
    expect(tierValues(goal.tiers, weighted.values ?? expect.unreachable('the weighted solve has no values'))).toEqual([13, 0]);
    // Weights of at most 1: each tier alone, the first held as a row while the second is solved.
    const inTurn = await solveTiers(model, goal, { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1, weightLimit: 1 });
    expect(inTurn.solves).toBe(2);
    expect(inTurn.termination).toBe('optimal');
    expect(inTurn.objective).toBeNull();
    expect(tierValues(goal.tiers, inTurn.values ?? expect.unreachable('the solve in turn has no values'))).toEqual([13, 0]);
  });

  it('a search step copies none of the columns it holds: it sends its submodel without copying the program', async () => {
    const form = formulate(buildInstance(outranks()));
    const goal = strategyObjective('cte-first', form);
    const model = withObjective(form.builder.build('max', []), goal.objective);
    const options = { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 } as const;
    const best = (await solveTiers(model, goal, options)).values ?? expect.unreachable('the program has no solution');
    // The columns whose name or objective is read; copying a column (a spread) reads both.
    const read = new Set<number>();
    const watched: MipModel = {
      ...model,
      columns: model.columns.map((c, j) => {
        const column = { kind: c.kind, lb: c.lb, ub: c.ub };
        for (const key of ['name', 'obj'] as const)
          Object.defineProperty(column, key, {
            enumerable: true,
            get: () => {
              read.add(j);
              return c[key];
            },
          });
        return column as MipColumn;
      }),
    };
    const free = new Set(
      model.columns
        .map((_, j) => j)
        .filter((j) => (model.columns[j]?.ub ?? 0) > (model.columns[j]?.lb ?? 0))
        .slice(0, 6),
    );
    const held = new Set(model.columns.map((_, j) => j).filter((j) => !free.has(j)));
    let sent: MipModel | undefined;
    const step = await solveTiers(watched, goal, { ...options, start: best, held, onSent: (m) => (sent = m) });
    // The free columns, less any a row forces to 0 (held at 0 too).
    expect(sent?.columns.length).toBeGreaterThan(0);
    expect(sent?.columns.length).toBeLessThanOrEqual(free.size);
    expect(tierValues(goal.tiers, step.values ?? expect.unreachable('the step has no values'))).toEqual(tierValues(goal.tiers, best));
    expect([...read].filter((j) => held.has(j))).toEqual([]);
  });
});

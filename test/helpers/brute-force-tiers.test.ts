/**
 * The strict-tier oracle (helpers/brute-force-tiers.ts) on schools solved by hand: a required
 * request outranks any number of requested ones, a requested one any number of recommended ones,
 * a cohort course and (on-track rule) a needed A–G course are required, and academic-first puts
 * the requests of students outside pathways above pathway placement. And on random schools its
 * schedule is one the independent checker accepts with exactly the oracle's tier values, and its
 * first tier agrees with the placement oracle (brute-force.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { check } from '../../src/checker/index.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { bruteForce, OracleGaveUp } from './brute-force.js';
import { bruteForceTiers, effectivePriorities, type TierOrder } from './brute-force-tiers.js';
import { checkedTiers } from './checked-tiers.js';
import { randomSchool } from './random-school.js';
import { FIXED_SEED } from './seeds.js';

type Input = ScenarioInput;
const course = (id: string, extra: Partial<Input['courses'][number]> = {}): Input['courses'][number] => ({
  id,
  name: id,
  ag: null,
  grades: [10],
  capacity: 30,
  roomType: 'general',
  meets: { periods: 1, days: 'all', terms: 'all' },
  ...extra,
});
const teacher = (id: string, courses: string[], maxSections = 3): Input['teachers'][number] => ({ id, name: id, courses, maxSections });

/** One day of `periods` periods and two general rooms; edit the rest. */
function school(periods: number, edit: (s: Input) => void): Scenario {
  const s: Input = {
    format: 'pathway-scheduler/scenario@1',
    name: 'hand-solved tiers',
    calendar: { terms: ['Y'], days: ['D'], periods: Array.from({ length: periods }, (_, i) => String(i + 1)) },
    rooms: [
      { id: 'R1', type: 'general', capacity: 30 },
      { id: 'R2', type: 'general', capacity: 30 },
    ],
    teachers: [],
    courses: [],
    pathways: [],
    students: [],
    policy: { agRule: 'off' },
  };
  edit(s);
  return parseScenario(s);
}

/** The oracle's optimum, after the checker confirms its schedule has exactly those tier values. */
function optimum(scenario: Scenario, order: TierOrder): readonly number[] | null {
  const r = bruteForceTiers(scenario, order);
  if (r.witness) {
    const checked = check(scenario, r.witness);
    expect(checked.violations).toEqual([]);
    expect(checkedTiers(scenario, r.witness, order)).toEqual(r.best);
  }
  return r.best;
}

describe('strict-tier oracle on hand-solved schools', () => {
  it('one required request outranks eleven requested ones (../shared/cases required-outranks-requested)', () => {
    const input = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '..'), 'cases/required-outranks-requested.json'), 'utf8')) as Input;
    // Cut to three of the eleven: the search is the same, and a third requested Y still loses to K01's required one.
    input.students = input.students.slice(0, 4);
    const scenario = parseScenario(input);
    // Y in period 2 meets K01's required X and Y and everyone's required Z: 1 + 1 + 3 required, no requested Y.
    expect(optimum(scenario, 'cte-first')).toEqual([0, 5, 0, 0]);
  });

  it('a requested request outranks two recommended ones', () => {
    // One section of Y (its teacher has one): in period 1 S1 takes Y and B, and S2 and S3 take A (4 requested);
    // in period 2 S2 and S3 take their recommended Y and A, and S1 only one of Y and B (3 requested, 2 recommended).
    const scenario = school(2, (s) => {
      s.courses = [course('Y'), course('A', { allowedPeriods: ['1'] }), course('B', { allowedPeriods: ['2'] })];
      s.teachers = [teacher('TY', ['Y'], 1), teacher('TA', ['A']), teacher('TB', ['B'])];
      s.students = [
        { id: 'S1', grade: 10, requests: ['Y', 'B'] },
        { id: 'S2', grade: 10, requests: ['Y', 'A'], priorities: { Y: 'recommended' } },
        { id: 'S3', grade: 10, requests: ['Y', 'A'], priorities: { Y: 'recommended' } },
      ];
    });
    expect(optimum(scenario, 'cte-first')).toEqual([0, 0, 4, 0]);
  });

  it('placement outranks every request under cte-first; academic-first puts the requests of students outside pathways first', () => {
    // The school of engine-properties' two strategies: ART in period 2 places M1, in period 1 it meets S1's and S2's ART.
    const scenario = school(3, (s) => {
      s.courses = [course('CT', { cte: true, allowedPeriods: ['1'] }), course('ART', { allowedPeriods: ['1', '2'] }), course('X', { allowedPeriods: ['2'] })];
      s.teachers = [teacher('T1', ['CT'], 1), teacher('T2', ['ART'], 1), teacher('T3', ['X'], 1)];
      s.pathways = [
        { id: 'P', name: 'P', sector: 'Arts, Media, and Entertainment', cohortSize: 5, cohortCourses: { '10': ['CT'] }, team: [], commonPlanning: 0 },
      ];
      s.students = [
        { id: 'M1', grade: 10, pathway: 'P', requests: ['CT', 'ART'] },
        { id: 'S1', grade: 10, requests: ['ART', 'X'] },
        { id: 'S2', grade: 10, requests: ['ART', 'X'] },
      ];
    });
    // cte-first: M1 placed; CT required; M1's ART and S1's and S2's X requested.
    expect(optimum(scenario, 'cte-first')).toEqual([1, 1, 3, 0]);
    // academic-first: outside pathways 4 requested met; M1 not placed but CT met.
    expect(optimum(scenario, 'academic-first')).toEqual([0, 4, 0, 0, 1, 0, 0]);
  });

  it('a needed A–G course is required under on-track, requested under off', () => {
    // S1 needs a year of language (e) and requests SPAN (e) and ART (f, not needed); one teacher, one section, so one of them.
    const scenario = (agRule: 'on-track' | 'off') =>
      school(2, (s) => {
        s.courses = [course('SPAN', { ag: 'e' }), course('ART', { ag: 'f' })];
        s.teachers = [teacher('T1', ['SPAN', 'ART'], 1)];
        s.students = [
          { id: 'S1', grade: 10, requests: ['ART', 'SPAN'], priorities: { SPAN: 'recommended' }, agCompleted: { a: 1, b: 2, c: 2, d: 1, e: 0, f: 0 } },
        ];
        s.policy = { agRule };
      });
    expect(effectivePriorities(scenario('on-track'), scenario('on-track').students[0]!)).toEqual(['requested', 'required']);
    expect(optimum(scenario('on-track'), 'cte-first')).toEqual([0, 1, 0, 0]);
    expect(optimum(scenario('off'), 'cte-first')).toEqual([0, 0, 1, 0]);
  });

  it('answers null when asked for a schedule above the optimum, and the optimum when asked above less', () => {
    const scenario = school(2, (s) => {
      s.courses = [course('A', { allowedPeriods: ['1'] }), course('B', { allowedPeriods: ['1'] })];
      s.teachers = [teacher('T1', ['A']), teacher('T2', ['B'])];
      s.students = [{ id: 'S1', grade: 10, requests: ['A', 'B'], priorities: { B: 'required' } }];
    });
    expect(optimum(scenario, 'cte-first')).toEqual([0, 1, 0, 0]);
    expect(bruteForceTiers(scenario, 'cte-first', { above: [0, 1, 0, 0] }).best).toBeNull();
    expect(bruteForceTiers(scenario, 'cte-first', { above: [0, 0, 1, 0] }).best).toEqual([0, 1, 0, 0]);
  });
});

describe('strict-tier oracle on random schools', () => {
  const schools = fc.sample(fc.oneof(randomSchool(), randomSchool({ priorities: 'contested' })), { numRuns: 40, seed: FIXED_SEED });
  it.each(['cte-first', 'academic-first'] as const)(
    '%s: from the greedy loader’s schedule it finds a better one or none, the checker agrees with its values, and placement stays the placement oracle’s',
    (order) => {
      let compared = 0;
      let improved = 0;
      let gaveUp = 0;
      for (const input of schools) {
        const scenario = parseScenario(input);
        try {
          const placed = bruteForce(scenario, 100_000);
          // A good start cuts the search: the greedy loader's schedule when the checker accepts it (its values only).
          const greedy = greedyCteFirstSchedule(scenario);
          const start = check(scenario, greedy).valid
            ? checkedTiers(scenario, greedy, order)
            : placed.witness
              ? checkedTiers(scenario, placed.witness, order)
              : undefined;
          const r = bruteForceTiers(scenario, order, { maxNodes: 100_000, ...(start ? { above: start } : {}) });
          compared++;
          expect(r.feasible).toBe(placed.feasible);
          if (!r.witness) continue;
          improved++;
          expect(check(scenario, r.witness).violations).toEqual([]);
          expect(checkedTiers(scenario, r.witness, order)).toEqual(r.best);
          if (order === 'cte-first') expect(r.best?.[0]).toBe(placed.best);
        } catch (error) {
          if (!(error instanceof OracleGaveUp)) throw error;
          gaveUp++;
        }
      }
      console.log(`${order}: ${compared} schools compared (${improved} improved on the greedy loader's schedule), ${gaveUp} too large for the oracle`);
      expect(compared).toBeGreaterThanOrEqual(30);
      expect(improved).toBeGreaterThanOrEqual(10);
    },
    120_000,
  );
});

/**
 * The random-school generator keeps its mix (on a fixed seed, so the shares are the same on
 * every run): the properties built on it must see every calendar, double periods, several
 * cohorts and pathways, alternates, priorities, locks, A–G, part-time teachers and small rooms,
 * and schools where the greedy loader is not already optimal, so that the search and the whole
 * program have work to do. And its options make the shapes they name.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { check } from '../../src/checker/index.js';
import { greedyCteFirstSchedule } from '../../src/board/baseline.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { randomSchool } from './random-school.js';
import { bruteForce, OracleGaveUp } from './brute-force.js';
import { present } from './present.js';
import { FIXED_SEED } from './seeds.js';

const SAMPLES = 200;
const schools = fc.sample(randomSchool(), { numRuns: SAMPLES, seed: FIXED_SEED });
const share = (pred: (s: ScenarioInput) => boolean) => schools.filter(pred).length / SAMPLES;
const members = (s: ScenarioInput) => s.students.filter((st) => st.pathway !== undefined);
const course = (s: ScenarioInput, id: string) =>
  present(
    s.courses.find((c) => c.id === id),
    `no course ${id}`,
  );

describe('random schools', () => {
  it('all parse', () => {
    for (const s of schools) expect(() => parseScenario(s)).not.toThrow();
  });

  it.each([
    ['a traditional day', (s: ScenarioInput) => s.calendar.days.length === 1 && s.calendar.terms.length === 1, 0.2],
    ['an A/B rotation', (s: ScenarioInput) => s.calendar.days.length === 2, 0.2],
    ['a 4x4 block', (s: ScenarioInput) => s.calendar.terms.length === 2, 0.2],
    [
      'a double period that pathway students take',
      (s: ScenarioInput) => members(s).some((m) => m.requests.some((r) => course(s, r).meets.periods === 2)),
      0.25,
    ],
    [
      'an every-day or full-year course besides a one-day or one-term one',
      (s: ScenarioInput) =>
        s.calendar.days.length + s.calendar.terms.length > 2 &&
        s.courses.some(
          (c) => c.meets.periods === 1 && ((c.meets.days === 'all' && s.calendar.days.length > 1) || (c.meets.terms === 'all' && s.calendar.terms.length > 1)),
        ),
      0.15,
    ],
    ['two pathways', (s: ScenarioInput) => s.pathways.length === 2, 0.25],
    ['a pathway grade of two cohorts', (s: ScenarioInput) => s.pathways.some((p) => members(s).filter((m) => m.pathway === p.id).length > p.cohortSize), 0.1],
    ['pathways in grades 10 and 11', (s: ScenarioInput) => new Set(members(s).map((m) => m.grade)).size === 2, 0.1],
    ['students outside pathways', (s: ScenarioInput) => s.students.length > members(s).length, 0.5],
    ['alternates', (s: ScenarioInput) => s.students.some((st) => st.alternates !== undefined), 0.25],
    [
      'required and recommended requests',
      (s: ScenarioInput) => ['required', 'recommended'].every((p) => s.students.some((st) => Object.values(st.priorities ?? {}).includes(p as 'required'))),
      0.3,
    ],
    ['A–G on track', (s: ScenarioInput) => s.policy?.agRule === 'on-track', 0.4],
    ['a lock', (s: ScenarioInput) => (s.locks ?? []).length > 0, 0.1],
    ['an unavailable teacher', (s: ScenarioInput) => s.teachers.some((t) => (t.unavailable ?? []).length > 0), 0.3],
    [
      'a room smaller than a class it holds',
      (s: ScenarioInput) => s.courses.some((c) => s.rooms.some((r) => r.type === c.roomType && r.capacity < c.capacity)),
      0.2,
    ],
  ])('has %s in at least its share of schools', (_, pred, least) => {
    expect(share(pred)).toBeGreaterThanOrEqual(least);
  });

  it('gives the search work: the greedy loader below the optimum in a fifth of schools, nobody placeable in few', () => {
    let greedyBelow = 0;
    let nobody = 0;
    let infeasible = 0;
    for (const input of schools) {
      const scenario = parseScenario(input);
      let best;
      try {
        best = bruteForce(scenario, 400_000);
      } catch (error) {
        if (error instanceof OracleGaveUp) continue;
        throw error;
      }
      if (!best.feasible) infeasible++;
      else if (best.best === 0) nobody++;
      else if (check(scenario, greedyCteFirstSchedule(scenario)).figures.pathwayPlaced.count < best.best) greedyBelow++;
    }
    expect(greedyBelow / SAMPLES).toBeGreaterThanOrEqual(0.2);
    expect(nobody / SAMPLES).toBeLessThanOrEqual(0.15);
    expect(infeasible / SAMPLES).toBeLessThanOrEqual(0.1);
  }, 120_000);
});

describe('random school options', () => {
  const sample = (options: Parameters<typeof randomSchool>[0]) => fc.sample(randomSchool(options), { numRuns: 60, seed: FIXED_SEED });

  it('doublePeriods: always gives every CTE course a double period', () => {
    for (const s of sample({ doublePeriods: 'always' })) for (const c of s.courses.filter((x) => x.cte)) expect(c.meets.periods).toBe(2);
  });

  it('labs: scarce puts every CTE course and Biology in the one lab', () => {
    for (const s of sample({ labs: 'scarce' })) {
      expect(s.rooms.filter((r) => r.type === 'lab')).toHaveLength(1);
      for (const c of s.courses.filter((x) => x.cte || x.id === 'BIO')) expect(c.roomType).toBe('lab');
    }
  });

  it('sharedAlternates: some student has an alternate that another of their requests also accepts', () => {
    const shared = sample({ sharedAlternates: true }).filter((s) =>
      s.students.some((st) => {
        const accepted = st.requests.flatMap((r) => [r, ...(st.alternates?.[r] ?? [])]);
        return new Set(accepted).size < accepted.length;
      }),
    );
    expect(shared.length).toBeGreaterThan(0);
  });

  it('offGradeRequests: some student requests a course outside its grades, admitted by gradeRule allow', () => {
    const off = sample({ offGradeRequests: true }).filter((s) => s.students.some((st) => st.requests.some((r) => !course(s, r).grades.includes(st.grade))));
    expect(off.length).toBeGreaterThan(0);
    for (const s of off) expect(() => parseScenario(s)).not.toThrow();
  });

  it('sharedAlternates: every school parses', () => {
    for (const s of sample({ sharedAlternates: true })) expect(() => parseScenario(s)).not.toThrow();
  });
});

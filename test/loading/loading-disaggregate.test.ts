import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { buildInstance } from '../../src/model/instance.js';
import { disaggregate } from '../../src/loading/disaggregate.js';
import { assignPart, type PartItem, type PartProblem } from '../../src/loading/part-assignment.js';
import type { PartPlan, PlannedSection } from '../../src/model/plan.js';
import { recoverPlacements } from '../../src/loading/recover.js';
import { Roster } from '../../src/loading/roster.js';

/** Three identical grade 10 pathway students: cohort course CTE1, then ENG10 and BIO. */
function threeStudents() {
  const course = (id: string, ag: 'b' | 'd' | 'g', cte = false) => ({
    id,
    name: id,
    ag,
    grades: [10],
    capacity: 30,
    roomType: 'general',
    meets: { periods: 1 as const, days: 'one' as const, terms: 'all' as const },
    ...(cte ? { cte } : {}),
  });
  return parseScenario({
    format: 'pathway-scheduler/scenario@1',
    name: 'Three students',
    calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2', '3', '4'] },
    rooms: [{ id: 'R1', type: 'general', capacity: 30 }],
    teachers: [{ id: 'T1', name: 'T1', courses: ['CTE1', 'ENG10', 'BIO'], maxSections: 3 }],
    courses: [course('CTE1', 'g', true), course('ENG10', 'b'), course('BIO', 'd')],
    pathways: [{ id: 'P', name: 'P', sector: 'Engineering', cohortSize: 3, cohortCourses: { '10': ['CTE1'] }, team: ['T1'], commonPlanning: 0 }],
    students: ['S1', 'S2', 'S3'].map((id) => ({ id, grade: 10, pathway: 'P', requests: ['CTE1', 'ENG10', 'BIO'] })),
    policy: { agRule: 'off' },
  });
}

const section = (id: string, course: string, slot: string, cohort?: string): PlannedSection => ({
  id,
  course,
  teacher: 'T1',
  slots: [slot],
  pattern: slot,
  ...(cohort ? { cohort } : {}),
});

describe('disaggregate', () => {
  it('places every student the counts allow (the per-student greedy placed two of three here)', () => {
    const inst = buildInstance(threeStudents());
    const sections = [
      section('CTE1-1', 'CTE1', '4', 'P-10-1'),
      section('ENG10-1', 'ENG10', '1'),
      section('ENG10-2', 'ENG10', '3'),
      section('BIO-1', 'BIO', '2'),
      section('BIO-2', 'BIO', '3'),
    ];
    const group = inst.groups[0]!;
    const request = (course: string) => group.requests.findIndex((r) => r.course === course);
    const take = (course: string, slot: string, count: number) => ({ course, pattern: slot, slots: [slot], count });
    // Taking the busiest placement first gives two students ENG10 at 1 and BIO at 2, and the third a clash at 3.
    const part: PartPlan = {
      group: 0,
      cohort: 'P-10-1',
      count: 3,
      takes: new Map([
        [request('ENG10'), [take('ENG10', '1', 2), take('ENG10', '3', 1)]],
        [request('BIO'), [take('BIO', '2', 2), take('BIO', '3', 1)]],
      ]),
    };
    const roster = disaggregate(inst, sections, [part], () => 30);
    for (const student of group.students) {
      const mine = roster.sectionsOf(student).map((id) => roster.byId.get(id) ?? expect.unreachable(`${student} is in unknown section ${id}`));
      expect(mine.map((s) => s.course).sort()).toEqual(['BIO', 'CTE1', 'ENG10']);
      const slots = mine.flatMap((s) => s.slots);
      expect(new Set(slots).size).toBe(slots.length);
    }
    expect(['ENG10-1', 'ENG10-2', 'BIO-1', 'BIO-2'].map((id) => roster.studentsIn(id).length)).toEqual([2, 1, 2, 1]);
  });
});

describe('recoverPlacements', () => {
  it('completes a cohort member by moving their clashing section and another student, costing nobody a request', () => {
    const group = buildInstance(threeStudents()).groups[0]!;
    const sections = [
      section('CTE1-1', 'CTE1', '4', 'P-10-1'),
      section('ENG10-1', 'ENG10', '1'),
      section('ENG10-2', 'ENG10', '3'),
      section('BIO-1', 'BIO', '1'),
      section('BIO-2', 'BIO', '4'),
    ];
    const roster = new Roster(sections, (s) => (s.course === 'BIO' ? 1 : 30));
    for (const id of ['CTE1-1', 'ENG10-1']) roster.enroll('S1', id);
    roster.enroll('X', 'BIO-1');
    recoverPlacements(roster, [{ student: 'S1', group }]);
    expect(roster.sectionsOf('S1').sort()).toEqual(['BIO-1', 'CTE1-1', 'ENG10-2']);
    expect(roster.sectionsOf('X')).toEqual(['BIO-2']);
  });
});

/**
 * A part plan read off random single-slot timetables of its students, with how many were
 * complete. Slots P0–P5; up to two of them blocked (the cohort's own sections), which no
 * timetable uses; one item in three unsafe (it meets its request but does not count towards
 * placement, as an alternate of another A–G subject).
 */
const singleSlotPlan = fc.integer({ min: 1, max: 4 }).chain((requests) =>
  fc
    .tuple(
      fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }),
      fc.array(fc.array(fc.option(fc.nat({ max: 5 }), { nil: null }), { minLength: requests, maxLength: requests }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 24, maxLength: 24 }),
    )
    .map(([blockedSlots, students, safety]) => {
      const blocked = new Set(blockedSlots);
      const safe = (r: number, slot: number) => safety[r * 6 + slot] !== 0;
      const counts = new Map<string, number>();
      let complete = 0;
      for (const choices of students) {
        const used = new Set<number>();
        let all = true;
        for (const [r, slot] of choices.entries()) {
          if (slot === null || used.has(slot) || blocked.has(slot)) {
            all = false;
            continue;
          }
          used.add(slot);
          if (!safe(r, slot)) all = false;
          counts.set(`${r}|${slot}`, (counts.get(`${r}|${slot}`) ?? 0) + 1);
        }
        if (all) complete++;
      }
      const items: PartItem[] = [...counts].map(([key, count]) => {
        const [r, slot] = key.split('|').map(Number) as [number, number];
        return { request: r, slots: [`P${slot}`], count, safe: safe(r, slot) };
      });
      return { students: students.length, requests, items, complete, blocked: new Set(blockedSlots.map((k) => `P${k}`)) };
    }),
);

/** Checks the split never double-books and never over-uses an item; returns items given and complete students. */
function audit(problem: PartProblem, split: number[][]): { given: number[]; complete: number } {
  expect(split).toHaveLength(problem.students);
  const given = problem.items.map(() => 0);
  let complete = 0;
  for (const timetable of split) {
    const items = timetable.map((k) => problem.items[k]!);
    const slots = items.flatMap((i) => i.slots);
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.some((s) => problem.blocked.has(s))).toBe(false);
    expect(new Set(items.map((i) => i.request)).size).toBe(items.length);
    for (const k of timetable) given[k]!++;
    if (problem.placing.every((r) => items.some((i) => i.request === r && i.safe))) complete++;
  }
  given.forEach((g, k) => {
    expect(g).toBeLessThanOrEqual(problem.items[k]!.count);
  });
  return { given, complete };
}

describe('assignPart with single-slot placements', () => {
  it('never hands out a seat in a blocked slot, even when the counts offer one', () => {
    fc.assert(
      fc.property(singleSlotPlan, fc.nat({ max: 5 }), (plan, extra) => {
        // One more item in a slot the part may not use: it stays with nobody.
        const blockedSlot = [...plan.blocked][0];
        fc.pre(blockedSlot !== undefined);
        const items = [...plan.items, { request: extra % plan.requests, slots: [blockedSlot], count: 1, safe: true }];
        const problem: PartProblem = { students: plan.students, items, placing: [], blocked: plan.blocked };
        const { given } = audit(problem, assignPart(problem));
        expect(given.at(-1)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('realises every take count exactly', () => {
    fc.assert(
      fc.property(singleSlotPlan, (plan) => {
        const problem: PartProblem = { students: plan.students, items: plan.items, placing: [], blocked: plan.blocked };
        const { given } = audit(problem, assignPart(problem));
        expect(given).toEqual(plan.items.map((i) => i.count));
      }),
      { numRuns: 300 },
    );
  });

  it('fully places at least the promised students, and with exactly that many still realises every take', () => {
    fc.assert(
      fc.property(singleSlotPlan, (plan) => {
        const placing = Array.from({ length: plan.requests }, (_, r) => r);
        const problem: PartProblem = { students: plan.students, items: plan.items, placing, blocked: plan.blocked };
        const { given, complete } = audit(problem, assignPart(problem));
        expect(complete).toBeGreaterThanOrEqual(plan.complete);
        if (complete === plan.complete) expect(given).toEqual(plan.items.map((i) => i.count));
      }),
      { numRuns: 300 },
    );
  });
});

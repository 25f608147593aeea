/**
 * Infeasible scenarios: the elastic relaxation and deletion filter name a minimal set of rule
 * groups (unavailability and room counts included), each with fix options; relaxing the set
 * makes the scenario feasible, and keeping any one of its groups makes it infeasible again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { diagnoseInfeasibility, formatDiagnosis, ruleGroup } from '../../src/engine/infeasibility.js';
import { solve } from '../../src/engine/solve.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { handScenario } from '../helpers/hand-school.js';
import { engineFeasible, feasibleRelaxing, relaxedScenario } from '../helpers/relaxation.js';
import { parseScenario } from '../../src/scenario/parse.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/**
 * T2, the only Health Science teacher, must run two double periods but is available only in
 * A.1, A.2, B.1 and B.2: no prep slot and no common planning time with T1 are left.
 */
const blocked = () =>
  handScenario((s) => {
    s.courses[1]!.sections = 2;
    s.teachers[1]!.unavailable = ['A.3', 'A.4', 'B.3', 'B.4'];
  });

/** Two Health Science sections locked into A.1 with one health lab. */
const oneLab = () =>
  handScenario((s) => {
    s.teachers.push({ id: 'T4', name: 'D. Diaz', courses: ['HS1'], maxSections: 2 });
    s.locks = [
      { course: 'HS1', slot: 'A.1' },
      { course: 'HS1', slot: 'A.1' },
    ];
  });

describe('diagnoseInfeasibility', () => {
  for (const [name, make] of [
    ['unavailability, prep and CPT', blocked],
    ['locks and room counts', oneLab],
  ] as const) {
    it(`finds a minimal relaxation (${name})`, async () => {
      const scenario = make();
      const d = await diagnoseInfeasibility(scenario, { timeLimitSeconds: 60 });
      expect(d.feasible).toBe(false);
      expect(d.minimal).toBe(true);
      expect(d.groups.length).toBeGreaterThan(0);
      const groups = d.groups;
      expect(await feasibleRelaxing(scenario, [])).toBe(false);
      expect(await feasibleRelaxing(scenario, groups)).toBe(true);
      for (const keep of groups)
        expect(
          await feasibleRelaxing(
            scenario,
            groups.filter((g) => g !== keep),
          ),
        ).toBe(false);
      expect(d.summary).toBe(d.groups.map((g) => g.label).join(' + '));
      for (const g of d.groups) expect(g.fixes.length).toBeGreaterThan(0);
      expect(formatDiagnosis(d)).toContain('Fix options:');
    });
  }

  it('names the lock when two locked sections need one lab and the one cohort section is all HS1 plans', async () => {
    // The other minimal set, one more lab and a second (regular) section, takes two relaxations.
    const d = await diagnoseInfeasibility(oneLab(), { timeLimitSeconds: 60 });
    expect(d.groups.map(({ rule, args, label }) => ({ rule, args, label }))).toEqual([
      { rule: 'lock', args: { course: 'HS1', slot: 'A.1' }, label: 'lock HS1 in A.1' },
    ]);
  });

  it('names the room count, a limit, when the locked sections are planned anyway', async () => {
    const planned = handScenario((s) => {
      s.teachers.push({ id: 'T4', name: 'D. Diaz', courses: ['HS1'], maxSections: 2 });
      s.courses[1]!.sections = 2;
      s.locks = [
        { course: 'HS1', slot: 'A.1' },
        { course: 'HS1', slot: 'A.1' },
      ];
    });
    const d = await diagnoseInfeasibility(planned, { timeLimitSeconds: 60 });
    expect(d.groups.map(({ rule, args, label }) => ({ rule, args, label }))).toEqual([
      { rule: 'room-type', args: { roomType: 'health-lab' }, label: 'only 1 health-lab room' },
    ]);
  });

  it('says so when every hard rule can hold', async () => {
    const d = await diagnoseInfeasibility(handScenario(), { timeLimitSeconds: 30 });
    expect(d).toEqual({ feasible: true, groups: [], summary: 'every hard rule can hold', minimal: true });
  });

  it('the engine reports a minimal set of its own rule groups for an infeasible scenario', async () => {
    const outcome = await solve(oneLab(), { timeLimitSeconds: 30 });
    expect(outcome.status).toBe('infeasible');
    if (outcome.status !== 'infeasible') return;
    expect(outcome.rules).toEqual(['lock HS1 in A.1']);
    // The same minimal set, described in school words with the ways to relax it.
    expect(outcome.diagnosis.minimal).toBe(true);
    expect(outcome.diagnosis.groups.map((g) => g.label)).toEqual(outcome.rules);
    expect(outcome.diagnosis.groups[0]?.fixes.length).toBeGreaterThan(0);
  });
});

describe('the relaxable program', () => {
  /** One teacher, sections locked into periods 1 and 2, unavailable in period 3: no prep period is left. */
  const noPrep = () =>
    parseScenario({
      format: 'pathway-scheduler/scenario@1',
      name: 'no prep',
      calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2', '3'] },
      rooms: [{ id: 'R1', type: 'general', capacity: 30 }],
      teachers: [{ id: 'T1', name: 'One', courses: ['A'], maxSections: 3, unavailable: ['3'] }],
      courses: [{ id: 'A', name: 'Course A', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' }, sections: 2 }],
      pathways: [],
      students: [{ id: 'S1', grade: 10, requests: ['A'] }],
      locks: [
        { course: 'A', slot: '1' },
        { course: 'A', slot: '2' },
      ],
      policy: { agRule: 'off' },
    });

  it('relaxing an unavailable slot gives it back: it then counts for prep, as in the edited scenario', async () => {
    const scenario = noPrep();
    const giveBack = [{ rule: 'unavailable', args: { teacher: 'T1', slot: '3' } }] as const;
    expect(await engineFeasible(scenario)).toBe(false);
    expect(await engineFeasible(relaxedScenario(scenario, giveBack) ?? expect.unreachable('the relaxation was refused'))).toBe(true);
    expect(await feasibleRelaxing(scenario, giveBack)).toBe(true);
    expect(await feasibleRelaxing(scenario, [{ rule: 'prep', args: { teacher: 'T1', term: 'Y' } }])).toBe(true);
    expect(await feasibleRelaxing(scenario, [])).toBe(false);
  });
});

describe('ruleGroup', () => {
  it('labels each relaxable rule group and offers fixes in school words', () => {
    const s = handScenario();
    expect(ruleGroup(s, { rule: 'cpt', args: { pathway: 'HEALTH' } })).toMatchObject({ label: 'HEALTH team CPT' });
    expect(ruleGroup(s, { rule: 'unavailable', args: { teacher: 'T2', slot: 'B.4' } })).toMatchObject({
      label: 'T2 unavailable in B.4',
      fixes: ['ask T2 (B. Baker) to be available in B.4', 'credential a second teacher for HS1 (only T2 teaches it), so T2 is needed in fewer slots'],
    });
    expect(ruleGroup(s, { rule: 'room-type', args: { roomType: 'health-lab' } }).label).toBe('only 1 health-lab room');
    expect(ruleGroup(s, { rule: 'max-sections', args: { teacher: 'T1' } }).label).toBe('T1 teaches at most 3 sections');
    expect(ruleGroup(s, { rule: 'prep', args: { teacher: 'T1', term: 'Y' } })).toMatchObject({ label: 'T1 prep period' });
    expect(ruleGroup(s, { rule: 'lock', args: { course: 'HS1', slot: 'A.1' } }).label).toBe('lock HS1 in A.1');
    expect(
      ruleGroup(
        handScenario((x) => void (x.courses[1]!.sections = 2)),
        { rule: 'fixed-sections', args: { course: 'HS1' } },
      ).label,
    ).toBe('2 sections of HS1');
  });
});

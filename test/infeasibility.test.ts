/**
 * Infeasible scenarios: the elastic relaxation and deletion filter name a minimal set of rule
 * groups (unavailability and room counts included), each with fix options; relaxing the set
 * makes the scenario feasible, and keeping any one of its groups makes it infeasible again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analysisModel, describeRuleGroup, diagnoseInfeasibility, formatDiagnosis, withRelaxed } from '../src/engine/infeasibility.js';
import { solve } from '../src/engine/solve.js';
import { solveMip } from '../solver/run.js';
import type { Scenario } from '../src/scenario/schema.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { handScenario } from './helpers/hand-school.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

async function feasibleRelaxing(scenario: Scenario, groups: readonly string[]): Promise<boolean> {
  const result = await solveMip(withRelaxed(analysisModel(scenario), new Set(groups)), { backend: 'highs', seed: 1, mipGap: 1, timeLimitSeconds: 20 });
  expect(['optimal', 'infeasible']).toContain(result.termination);
  return result.values !== null;
}

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
      const rules = d.groups.map((g) => g.rule);
      expect(await feasibleRelaxing(scenario, [])).toBe(false);
      expect(await feasibleRelaxing(scenario, rules)).toBe(true);
      for (const keep of rules) expect(await feasibleRelaxing(scenario, rules.filter((r) => r !== keep))).toBe(false);
      expect(d.summary).toBe(d.groups.map((g) => g.label).join(' + '));
      for (const g of d.groups) expect(g.fixes.length).toBeGreaterThan(0);
      expect(formatDiagnosis(d)).toContain('Fix options:');
    });
  }

  it('names the health-lab room count or a lock when two locked sections need one lab', async () => {
    const d = await diagnoseInfeasibility(oneLab(), { timeLimitSeconds: 60 });
    expect(d.groups.map((g) => g.rule)).toSatisfy((rules: string[]) => rules.length === 1 && ['only 1 health-lab room', 'lock HS1 in A.1'].includes(rules[0]!));
  });

  it('says so when every hard rule can hold', async () => {
    const d = await diagnoseInfeasibility(handScenario(), { timeLimitSeconds: 30 });
    expect(d).toEqual({ feasible: true, groups: [], summary: 'every hard rule can hold', minimal: true });
  });

  it('the engine reports a minimal set of its own rule groups for an infeasible scenario', async () => {
    const outcome = await solve(oneLab(), { timeLimitSeconds: 30 });
    expect(outcome.status).toBe('infeasible');
    if (outcome.status !== 'infeasible') return;
    expect(outcome.rules).toHaveLength(1);
    expect(['only 1 health-lab room', 'lock HS1 in A.1']).toContain(outcome.rules[0]);
    // The same minimal set, described in school words with the ways to relax it.
    expect(outcome.diagnosis.minimal).toBe(true);
    expect(outcome.diagnosis.groups.map((g) => g.rule)).toEqual(outcome.rules);
    expect(outcome.diagnosis.groups[0]?.fixes.length).toBeGreaterThan(0);
  });
});

describe('describeRuleGroup', () => {
  it('reads each kind of group and offers fixes in school words', () => {
    const s = handScenario();
    expect(describeRuleGroup(s, 'CPT for HEALTH')).toMatchObject({ kind: 'cpt', label: 'HEALTH team CPT' });
    expect(describeRuleGroup(s, 'T2 unavailable in B.4')).toMatchObject({ kind: 'unavailable', label: 'T2 unavailable in B.4', fixes: ['ask T2 (B. Baker) to be available in B.4', "hire or reassign another teacher for T2 (B. Baker)'s courses"] });
    expect(describeRuleGroup(s, 'only 2 health-lab rooms')).toMatchObject({ kind: 'rooms', label: 'only 2 health-lab rooms' });
    expect(describeRuleGroup(s, 'T1 teaches at most 3 sections').kind).toBe('load');
    expect(describeRuleGroup(s, 'prep for T1')).toMatchObject({ kind: 'prep', label: 'T1 prep period' });
    expect(describeRuleGroup(s, 'lock HS1 in A.1').kind).toBe('lock');
    expect(describeRuleGroup(s, '2 sections of HS1').kind).toBe('fixed-sections');
  });
});

/**
 * The section plan (src/model/instance.ts), issue 14: a cohort seats its members, not its size,
 * so students outside the cohort who request a cohort course get regular sections (on tiny-ab,
 * Biology is the Health cohort's course and ten other students request it); and a cohort holds
 * no more than its course's rooms seat.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { buildInstance } from '../src/model/instance.js';
import { solve } from '../src/engine/solve.js';
import { check } from '../src/checker/index.js';
import { shutdownSolverWorkers } from '../solver/worker-pool.js';
import { handScenario } from './helpers/hand-school.js';
import { randomSchool } from './helpers/random-school.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

const fixture = (name: string) => parseScenario(JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')));

/** Requests for each course from students no cohort seats (outside every cohort that takes it). */
function outsideRequests(scenario: Scenario): Map<string, number> {
  const out = new Map<string, number>();
  for (const st of scenario.students) {
    const pathway = scenario.pathways.find((p) => p.id === st.pathway);
    const own = new Set(pathway?.cohortCourses[String(st.grade)] ?? []);
    for (const c of new Set(st.requests)) if (!own.has(c)) out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

/** Every course without a fixed count plans enough regular seats for the requests outside cohorts; cohorts fit their rooms. */
function expectPlanCovers(scenario: Scenario): void {
  const inst = buildInstance(scenario);
  for (const [course, n] of outsideRequests(scenario)) {
    const info = inst.courses.get(course)!;
    if (info.fixedSections !== undefined) continue;
    expect(info.regularSections * info.seats, course).toBeGreaterThanOrEqual(n);
  }
  for (const k of inst.cohorts) for (const c of k.courses) expect(k.size, `${k.id} ${c}`).toBeLessThanOrEqual(inst.courses.get(c)!.seats);
}

describe('the section plan', () => {
  it('tiny-ab: Biology, the Health cohort’s course, gets a regular section for the ten other students who request it', () => {
    const scenario = fixture('tiny-ab.json');
    expect(outsideRequests(scenario).get('BIO')).toBe(10);
    expect(buildInstance(scenario).courses.get('BIO')!.regularSections).toBe(1);
    expectPlanCovers(scenario);
  });

  it('valley: every course plans seats for the requests outside its cohorts (English 10–12 and Government included)', () => {
    expectPlanCovers(fixture('valley-ab-150.json'));
  });

  it('random schools: the plan covers the requests outside cohorts, and cohorts fit their rooms', () => {
    fc.assert(fc.property(randomSchool(), (input) => expectPlanCovers(parseScenario(input))), { numRuns: 100, seed: 14 });
  });

  it('a cohort is no larger than its course’s largest room', () => {
    // The health lab seats 1: the HEALTH cohort (size 2, HS1 capacity 20) holds one member.
    const scenario = handScenario((s) => {
      s.rooms[2]!.capacity = 1;
    });
    expect(buildInstance(scenario).cohorts.map((k) => k.size)).toEqual([1]);
  });

  it('solve(): a student outside a roomy cohort is met in a regular section of its course', async () => {
    // Biology joins the HEALTH cohort's courses; the cohort (size 5) seats its 2 members; S3 wants Biology too.
    const scenario = handScenario((s) => {
      s.pathways[0]!.cohortSize = 5;
      s.pathways[0]!.cohortCourses['10'] = ['HS1', 'ENG10', 'BIO'];
    });
    const outcome = await solve(scenario, { timeLimitSeconds: 30 });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const checked = check(scenario, outcome.solution);
    expect(checked.violations).toEqual([]);
    expect(checked.figures.pathwayPlaced.count).toBe(2);
    const bio = outcome.solution.sections.filter((s) => s.course === 'BIO');
    expect(bio.filter((s) => !s.cohort)).toHaveLength(1);
    expect(outcome.solution.enrollments['S3']).toContain(bio.find((s) => !s.cohort)!.id);
  });
});

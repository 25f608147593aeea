/**
 * The section plan (src/model/instance.ts), issue 14: a cohort seats its members, not its size,
 * so students outside the cohort who request a cohort course get regular sections (on tiny-ab,
 * Biology is the Health cohort's course and ten other students request it); and a cohort holds
 * no more than its course's rooms seat. Before the final loading every planned section that fits
 * is put on the board, and one that fits nowhere is reported with the reason.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { buildInstance } from '../../src/model/instance.js';
import { solve } from '../../src/engine/solve.js';
import { check } from '../../src/checker/index.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { handScenario, handSchedule } from '../helpers/hand-school.js';
import { formulate } from '../../src/model/formulation.js';
import { scheduleToValues } from '../../src/board/incumbent.js';
import { addPlannedSections } from '../../src/board/planned-sections.js';
import { checkFeasibility } from '../../solver/feasibility.js';
import { formatReport } from '../../src/report/index.js';
import type { SolverFigures } from '../../src/solution/schema.js';
import { randomSchool } from '../helpers/random-school.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

const fixture = (name: string) => parseScenario(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));

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
    const info = inst.courses.get(course) ?? expect.unreachable(`no course ${course} in the instance`);
    if (info.fixedSections !== undefined) continue;
    expect(info.regularSections * info.seats, course).toBeGreaterThanOrEqual(n);
  }
  for (const k of inst.cohorts)
    for (const c of k.courses)
      expect(k.size, `${k.id} ${c}`).toBeLessThanOrEqual(inst.courses.get(c)?.seats ?? expect.unreachable(`no course ${c} in the instance`));
}

describe('the section plan', () => {
  it('tiny-ab: Biology, the Health cohort’s course, gets a regular section for the ten other students who request it', () => {
    const scenario = fixture('tiny-ab.json');
    expect(outsideRequests(scenario).get('BIO')).toBe(10);
    expect(buildInstance(scenario).courses.get('BIO')?.regularSections).toBe(1);
    expectPlanCovers(scenario);
  });

  it('valley: every course plans seats for the requests outside its cohorts (English 10–12 and Government included)', () => {
    expectPlanCovers(fixture('valley-ab-150.json'));
  });

  it('random schools: the plan covers the requests outside cohorts, and cohorts fit their rooms', () => {
    fc.assert(
      fc.property(randomSchool(), (input) => {
        expectPlanCovers(parseScenario(input));
      }),
      { numRuns: 100, seed: 14 },
    );
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
    expect(outcome.solution.enrollments['S3']).toContain(bio.find((s) => !s.cohort)?.id);
  });
});

describe('planned sections on the board', () => {
  /** The hand school's schedule without Biology: its one planned section is off the board. */
  const withoutBiology = () => {
    const schedule = handSchedule();
    schedule.sections = schedule.sections.filter((x) => x.course !== 'BIO');
    for (const id of Object.keys(schedule.enrollments)) schedule.enrollments[id] = schedule.enrollments[id]!.filter((x) => x !== 'BIO-1');
    return schedule;
  };

  it('adds a missing planned section where it fits, keeping every rule of the program', () => {
    const scenario = handScenario();
    const form = formulate(buildInstance(scenario));
    const model = form.builder.build('max', []);
    const values = scheduleToValues(form, withoutBiology(), model.columns.length);
    expect(checkFeasibility(model, values, 1e-6).feasible).toBe(true);
    const r = addPlannedSections(form, model, values);
    expect(r.added).toBe(1);
    expect(r.missing).toEqual([]);
    expect(checkFeasibility(model, r.values, 1e-6).feasible).toBe(true);
    expect(form.vars.teach.filter((v) => v.course === 'BIO' && r.values[v.col] === 1)).toHaveLength(1);
  });

  it('reports a planned section that fits nowhere, with the reason, in the solution and the text report', () => {
    // Biology's only teacher may teach one section and already teaches Chemistry.
    const scenario = handScenario((s) => {
      s.teachers[2]!.maxSections = 1;
      s.students[2]!.requests.push('CHEM');
    });
    const schedule = withoutBiology();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['B.2'] });
    schedule.enrollments['S3']!.push('CHEM-1');
    const form = formulate(buildInstance(scenario));
    const model = form.builder.build('max', []);
    const values = scheduleToValues(form, schedule, model.columns.length);
    expect(checkFeasibility(model, values, 1e-6).feasible).toBe(true);
    const r = addPlannedSections(form, model, values);
    expect(r.added).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.stringContaining) as any
    expect(r.missing).toEqual([{ course: 'BIO', planned: 1, placed: 0, reason: expect.stringContaining('no placement fits the board') }]);
    const solver: SolverFigures = {
      backend: 'highs',
      strategy: 'cte-first',
      seed: 1,
      termination: 'work-limit',
      schedule: 'feasible',
      partial: false,
      objective: null,
      bound: null,
      gap: null,
      placementBound: null,
      seconds: 1,
      stages: [],
      sectionsNotPlaced: r.missing,
    };
    const text = formatReport({ figures: check(scenario, schedule).figures, notPlaced: [], solver }, scenario);
    expect(text).toContain('planned sections not placed  BIO 0 of 1: no placement fits the board');
  });
});

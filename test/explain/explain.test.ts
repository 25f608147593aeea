/**
 * Explanations as data, rendered in school words and verified against the schedule: each kind on
 * the hand school, a tampered cause caught by the verifier, and every explanation of real solves
 * (the tiny-ab fixture and tiny random schools) confirmed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainSchedule, formatExplanations, renderExplanations, verifyExplanations, type Cause, type Explanations } from '../../src/explain/index.js';
import { readScenarioFile, parseScenario } from '../../src/scenario/parse.js';
import { solve } from '../../src/engine/solve.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';
import { clashSchedule, handScenario, handSchedule, sectionOf } from '../helpers/hand-school.js';
import { randomSchool } from '../helpers/random-school.js';
import { propertySeeds } from '../helpers/seeds.js';
import { verifyCapacityCause } from '../helpers/verify-causes.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { Schedule } from '../../src/checker/index.js';
import type { Figures, Report } from '../../src/solution/schema.js';
import { explainNotPlaced } from '../../src/report/index.js';

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** BIO seats 2 and holds S1 and S2: S3's request finds it full. */
function fullSchedule() {
  const schedule = handSchedule();
  schedule.enrollments['S3'] = ['ENG10-2'];
  return schedule;
}

/** Every capacity cause of the explanations, verified with the checker alone (helpers/verify-causes.ts). */
function checkerProblems(scenario: Scenario, schedule: Schedule, e: Explanations): string[] {
  return [...e.students, ...e.requests].flatMap((x) =>
    x.causes.flatMap((c) => {
      const problem = verifyCapacityCause(scenario, schedule, x.student, c);
      return problem === null ? [] : [`${x.student} ${c.kind}: ${problem}`];
    }),
  );
}

/** Every unmet request is counted under exactly one cause of the report's summary, tier by tier. */
function expectCausesAddUp(report: Report, figures: Figures): void {
  for (const tier of ['required', 'requested', 'recommended'] as const) {
    const t = figures.requestsByPriority[tier];
    expect((report.causes ?? []).reduce((n, c) => n + c[tier], 0)).toBe(t.total - t.count);
  }
}

const causesOf = (e: Explanations, student: string) => [...e.students, ...e.requests].filter((x) => x.student === student).flatMap((x) => x.causes);

/** The explanations with one cause replaced. */
function tamper(e: Explanations, student: string, from: Cause, to: Cause): Explanations {
  const swap = (c: Cause) => (c === from ? to : c);
  return {
    students: e.students.map((s) => (s.student === student ? { ...s, causes: s.causes.map(swap) } : s)),
    requests: e.requests.map((r) => (r.student === student ? { ...r, causes: r.causes.map(swap) } : r)),
  };
}

describe('explainSchedule on the hand school', () => {
  it('names the clashing sections and slot, and the section that could still run', () => {
    const scenario = handScenario();
    const schedule = clashSchedule();
    const e = explainSchedule(scenario, schedule);
    expect(e.students.map((s) => s.student)).toEqual(['S1', 'S2']);
    expect(e.requests.map((r) => `${r.student}:${r.request}`)).toEqual(['S1:BIO', 'S2:BIO']);
    const s1 = causesOf(e, 'S1');
    expect(s1).toContainEqual({ kind: 'clash', request: 'BIO', section: 'BIO-1', blocker: 'ENG10-1', slots: ['A.3'] });
    expect(s1).toContainEqual({ kind: 'section-count', request: 'BIO', course: 'BIO', sections: 1, teacher: 'T3', room: 'R1', slots: ['A.4'] });
    expect(s1).toContainEqual({ kind: 'ag-shortfall', subject: 'd', years: 0, needed: 1 });
    expect(causesOf(e, 'S2')).toContainEqual({ kind: 'not-offered', request: 'BIO', courses: ['CHEM'] });
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
    const words = renderExplanations(scenario, schedule, e);
    expect(words.students[0]?.reasons).toContain('English 10 cohort section ENG10-1 (HEALTH-10-1) and Biology section BIO-1 both meet in A.3');
    expect(formatExplanations(scenario, schedule, e)).toContain('S1 (HEALTH, grade 10)');
  });

  it('the verifier rejects a clash in a slot the sections do not share, or with a section the student is not in', () => {
    const scenario = handScenario();
    const schedule = clashSchedule();
    const e = explainSchedule(scenario, schedule);
    const clash = causesOf(e, 'S1').find((c) => c.kind === 'clash') ?? expect.unreachable('S1 has no clash cause');
    const wrongSlot = verifyExplanations(scenario, schedule, tamper(e, 'S1', clash, { ...clash, slots: ['A.4'] }));
    expect(wrongSlot.map((p) => p.problem)).toContain('BIO-1 and ENG10-1 do not both meet in A.4');
    const wrongBlocker = verifyExplanations(scenario, schedule, tamper(e, 'S1', clash, { ...clash, blocker: 'ENG10-2' }));
    expect(wrongBlocker.map((p) => p.problem)).toContain('the student is not in ENG10-2');
  });

  it('names a full section with its size, and the verifier checks the count', () => {
    const scenario = handScenario((s) => {
      s.courses[2]!.capacity = 2;
    });
    const schedule = fullSchedule();
    const e = explainSchedule(scenario, schedule);
    const full: Cause = { kind: 'full', request: 'BIO', section: 'BIO-1', enrolled: 2, size: 2 };
    expect(causesOf(e, 'S3')).toContainEqual(full);
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
    const wrong = verifyExplanations(
      scenario,
      schedule,
      tamper(e, 'S3', causesOf(e, 'S3').find((c) => c.kind === 'full') ?? expect.unreachable('S3 has no full cause'), { ...full, enrolled: 1 }),
    );
    expect(wrong.map((p) => p.problem)).toEqual(['BIO-1 holds 2 of 2, not 1 of 2']);
  });

  it('reports a teacher shortage when every qualified teacher is at their maximum', () => {
    const scenario = handScenario((s) => {
      s.courses[2]!.capacity = 2;
      s.teachers[2]!.maxSections = 1;
    });
    const schedule = fullSchedule();
    const e = explainSchedule(scenario, schedule);
    expect(causesOf(e, 'S3')).toContainEqual({ kind: 'teacher-shortage', request: 'BIO', course: 'BIO', teachers: ['T3'] });
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
    // The same claim is false once T3 may teach another section.
    const roomier = handScenario((s) => {
      s.courses[2]!.capacity = 2;
    });
    expect(verifyExplanations(roomier, schedule, e).map((p) => p.cause.kind)).toEqual(['teacher-shortage']);
  });

  it('counts a section that would take a teacher’s last free slot as a teacher shortage, not one more section', () => {
    // T3 teaches BIO-1 in A.3 and is available only in A.3 and A.4: a second section in A.4
    // would leave T3 no prep slot, which the checker forbids.
    const scenario = handScenario((s) => {
      s.teachers[2]!.unavailable = ['A.1', 'A.2', 'B.1', 'B.2', 'B.3', 'B.4'];
    });
    const schedule = clashSchedule();
    const e = explainSchedule(scenario, schedule);
    const bio = causesOf(e, 'S1').filter((c) => 'course' in c && c.course === 'BIO');
    expect(bio).toContainEqual({ kind: 'teacher-shortage', request: 'BIO', course: 'BIO', teachers: ['T3'] });
    expect(bio.map((c) => c.kind)).not.toContain('section-count');
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
    expect(checkerProblems(scenario, schedule, e)).toEqual([]);
  });

  it('reports a room shortage when a teacher is free but every room of the type is taken', () => {
    const scenario = handScenario((s) => {
      s.courses[2]!.capacity = 2;
      s.courses[2]!.roomType = 'health-lab';
      s.teachers[2]!.unavailable = ['A.3', 'A.4', 'B.1', 'B.3', 'B.4'];
    });
    const schedule = fullSchedule();
    sectionOf(schedule, 'BIO-1').room = 'LAB';
    const e = explainSchedule(scenario, schedule);
    expect(causesOf(e, 'S3')).toContainEqual({ kind: 'room-shortage', request: 'BIO', course: 'BIO', roomType: 'health-lab', placements: ['A.1', 'A.2'] });
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
  });

  it('reports no cohort seat when the pathway grade has more members than its cohorts hold', () => {
    const scenario = handScenario((s) => {
      s.students.push({ id: 'S4', grade: 10, pathway: 'HEALTH', requests: ['HS1', 'ENG10', 'BIO'], agCompleted: { a: 1, b: 1, c: 2, e: 1 } });
    });
    const schedule = handSchedule();
    schedule.enrollments['S4'] = ['BIO-1'];
    const e = explainSchedule(scenario, schedule);
    expect(causesOf(e, 'S4')).toContainEqual({
      kind: 'no-cohort-seat',
      pathway: 'HEALTH',
      grade: 10,
      cohorts: ['HEALTH-10-1'],
      seated: 2,
      members: 3,
      cohortSize: 2,
    });
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
  });
});

describe('explanations of real solves are borne out by the schedule', () => {
  it('on the tiny-ab fixture', async () => {
    const scenario = readScenarioFile('fixtures/tiny-ab.json');
    const outcome = await solve(scenario, { timeLimitSeconds: 20 });
    expect(outcome.status).toBe('scheduled');
    if (outcome.status !== 'scheduled') return;
    const e = explainSchedule(scenario, outcome.solution);
    expect(e.students.length).toBe(outcome.check.figures.pathwayPlaced.total - outcome.check.figures.pathwayPlaced.count);
    expect(e.requests.length).toBe(outcome.check.figures.requestsMet.total - outcome.check.figures.requestsMet.count);
    for (const x of [...e.students, ...e.requests]) expect(x.causes.length).toBeGreaterThan(0);
    expect(verifyExplanations(scenario, outcome.solution, e)).toEqual([]);
    expect(outcome.solution.report.notPlaced).toEqual(explainNotPlaced(scenario, outcome.solution));
    expectCausesAddUp(outcome.solution.report, outcome.check.figures);
  });

  it.each(propertySeeds())('on random small schools ($label), the capacity causes also by the checker alone', async ({ seed }) => {
    await fc.assert(
      fc.asyncProperty(randomSchool(), async (input) => {
        const scenario = parseScenario(input);
        const outcome = await solve(scenario, { timeLimitSeconds: 20 });
        if (outcome.status !== 'scheduled') return;
        const e = explainSchedule(scenario, outcome.solution);
        expect(e.students.map((s) => s.student)).toEqual(outcome.solution.report.notPlaced.map((n) => n.student));
        // The solution file's reasons come from the same engine as \`report --kind explain\`.
        expect(outcome.solution.report.notPlaced).toEqual(explainNotPlaced(scenario, outcome.solution));
        expectCausesAddUp(outcome.solution.report, outcome.check.figures);
        for (const l of outcome.solution.report.levers ?? []) if (l.check) expect(l.check.valid).toBe(true);
        for (const x of [...e.students, ...e.requests]) expect(x.causes.length).toBeGreaterThan(0);
        expect(verifyExplanations(scenario, outcome.solution, e)).toEqual([]);
        expect(checkerProblems(scenario, outcome.solution, e)).toEqual([]);
      }),
      { numRuns: 40, seed },
    );
  });
});

describe('one explanation engine', () => {
  it('the reasons explainNotPlaced stores are the computed causes in school words, each verified', async () => {
    const { explainNotPlaced } = await import('../../src/report/index.js');
    const { renderCause } = await import('../../src/explain/index.js');
    const { lookup } = await import('../../src/checker/index.js');
    const scenario = handScenario();
    const schedule = clashSchedule();
    const e = explainSchedule(scenario, schedule);
    const book = lookup(scenario, schedule);
    const stored = explainNotPlaced(scenario, schedule);
    expect(stored.map((n) => n.student)).toEqual(e.students.map((s) => s.student));
    for (const [i, n] of stored.entries()) {
      const rendered = new Set(e.students[i]!.causes.map((c) => renderCause(book, c)));
      for (const r of n.reasons) expect(rendered.has(r)).toBe(true);
    }
    expect(verifyExplanations(scenario, schedule, e)).toEqual([]);
  });
});

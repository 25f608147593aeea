/**
 * The plain-words top of the report on the hand school: unmet requests summarised by cause (each
 * headline kind), the levers (one more section, with a raised maximum, a teacher or a room
 * shortage, a calendar too short), what re-loading with a lever finds, and whether the schedule is
 * proven best or how far from its bound.
 */
import { describe, expect, it } from 'vitest';
import { check, lookup } from '../../src/checker/index.js';
import { explainSchedule } from '../../src/explain/compute.js';
import { calendarLever, findLevers, renderLever, type LeverPlan } from '../../src/explain/levers.js';
import { renderUnmetGroup, summariseUnmet, unmetKind } from '../../src/explain/summary.js';
import { checkAddSection } from '../../src/report/lever-check.js';
import { proofWords } from '../../src/report/plain-words.js';
import { buildReport, formatReport } from '../../src/report/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { Figures, SolverFigures } from '../../src/solution/schema.js';
import type { Schedule } from '../../src/checker/index.js';
import { clashSchedule, handScenario, handSchedule, sectionOf, type HandSchedule } from '../helpers/hand-school.js';

function groups(scenario: Scenario, schedule: Schedule) {
  const book = lookup(scenario, schedule);
  return summariseUnmet(book, explainSchedule(scenario, schedule).requests).map((g) => ({ ...g, text: renderUnmetGroup(book, g) }));
}

function levers(scenario: Scenario, schedule: Schedule): LeverPlan[] {
  return findLevers(lookup(scenario, schedule), explainSchedule(scenario, schedule));
}

const bioCapacity = (n: number) =>
  handScenario((s) => {
    const bio = s.courses.find((c) => c.id === 'BIO');
    if (bio) bio.capacity = n;
  });

describe('unmet requests by cause', () => {
  it('counts a clash once per request, names the section, its slot and the blocking course', () => {
    const [g, ...rest] = groups(handScenario(), clashSchedule());
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ kind: 'clash', course: 'BIO', requests: { required: 2, requested: 0, recommended: 0 }, sections: ['BIO-1'] });
    expect([...(g?.blockers ?? [])]).toEqual([['ENG10', 2]]);
    expect(g?.text).toBe(
      'the only Biology section they may join, BIO-1 in A.3, clashes with their own English 10 (2); another section could run at a time each of them is free (see what would help)',
    );
  });

  it('says a course is full with its seats', () => {
    const schedule = handSchedule();
    schedule.enrollments['S3'] = ['ENG10-2'];
    const [g] = groups(bioCapacity(2), schedule);
    expect(g).toMatchObject({ kind: 'full', course: 'BIO', requests: { required: 1, requested: 0, recommended: 0 } });
    expect(g?.text.startsWith('the only Biology section they may join, BIO-1, is full (2 seats)')).toBe(true);
  });

  it('tells full-or-clash apart: one section full, the other clashing', () => {
    const schedule: HandSchedule = handSchedule();
    schedule.sections.push({ id: 'BIO-2', course: 'BIO', teacher: 'T3', room: 'R2', slots: ['A.3'] });
    schedule.enrollments['S1'] = ['HS1-1', 'ENG10-1'];
    schedule.enrollments['S2'] = ['HS1-1', 'ENG10-1'];
    schedule.enrollments['S3'] = ['ENG10-2', 'BIO-1'];
    const [g] = groups(bioCapacity(1), schedule);
    expect(g).toMatchObject({ kind: 'full-or-clash', course: 'BIO', requests: { required: 2, requested: 0, recommended: 0 }, sections: ['BIO-1', 'BIO-2'] });
    expect(g?.text).toContain('the 2 Biology sections they may join are full (BIO-1: 1 seat) or clash with their own English 10 (2)');
  });

  it('names cohort sections as the cause when no regular section runs, and a course with no section', () => {
    const reserved = handSchedule();
    reserved.sections = reserved.sections.filter((s) => s.id !== 'ENG10-2');
    reserved.enrollments['S3'] = ['BIO-1'];
    const [r] = groups(handScenario(), reserved);
    expect(r).toMatchObject({ kind: 'reserved', course: 'ENG10', cohorts: ['HEALTH-10-1'] });
    expect(r?.text.startsWith('no section of English 10 (ENG10) is open to them: its sections are cohort sections (HEALTH-10-1)')).toBe(true);

    const none = handSchedule();
    none.sections = none.sections.filter((s) => s.id !== 'BIO-1');
    for (const id of ['S1', 'S2', 'S3']) none.enrollments[id] = (none.enrollments[id] ?? []).filter((x) => x !== 'BIO-1');
    const [n] = groups(handScenario(), none);
    expect(n).toMatchObject({ kind: 'not-offered', course: 'BIO', requests: { required: 3, requested: 0, recommended: 0 } });
  });

  it('calls a fitting seat left open a loading choice', () => {
    const schedule = handSchedule();
    schedule.enrollments['S3'] = ['ENG10-2'];
    expect(groups(handScenario(), schedule).map((g) => g.kind)).toEqual(['open-seat']);
    expect(
      unmetKind([
        { kind: 'open-seat', request: 'BIO', section: 'BIO-1' },
        { kind: 'full', request: 'BIO', section: 'BIO-2', enrolled: 2, size: 2 },
      ]),
    ).toBe('open-seat');
  });
});

describe('levers', () => {
  it('finds one more section where a qualified teacher and a room are free and the students are too, and checks it', () => {
    const scenario = handScenario();
    const schedule = clashSchedule();
    const [first] = levers(scenario, schedule);
    expect(first).toMatchObject({ kind: 'add-section', course: 'BIO', teacher: 'T3', room: 'R1', slots: ['A.4'], raiseMax: false, seats: 30 });
    if (first?.kind !== 'add-section') throw new Error('expected an add-section lever');
    expect(first.served.map((s) => `${s.student} ${s.request} ${s.priority}`)).toEqual(['S1 BIO required', 'S2 BIO required']);
    expect(renderLever(lookup(scenario, schedule), first)).toBe(
      'one more Biology (BIO) section (T3 C. Cruz free in A.4, room R1 free, 30 seats) would meet 2 requests (2 required) of students free then',
    );
    // Re-loading with the section seats both, and places them; without it nothing changes.
    expect(checkAddSection(scenario, schedule, first)).toEqual({ valid: true, requestsMet: 2, requiredMet: 2, fullyScheduled: 2, pathwayPlaced: 2 });
  });

  it('raises a teacher at their maximum by one section when that is the only way, and checks it against the raised maximum', () => {
    const scenario = handScenario((s) => {
      const t3 = s.teachers.find((t) => t.id === 'T3');
      if (t3) t3.maxSections = 1;
    });
    const schedule = clashSchedule();
    const [first] = levers(scenario, schedule);
    expect(first).toMatchObject({ kind: 'add-section', course: 'BIO', teacher: 'T3', raiseMax: true });
    if (first?.kind !== 'add-section') throw new Error('expected an add-section lever');
    expect(renderLever(lookup(scenario, schedule), first)).toContain('T3 C. Cruz free in A.4 if allowed 2 sections instead of 1');
    const found = checkAddSection(scenario, schedule, first);
    expect(found.valid).toBe(true);
    expect(found.pathwayPlaced).toBe(2);
  });

  it('names a teacher shortage when no qualified teacher is free when the students are', () => {
    const scenario = handScenario((s) => {
      const t3 = s.teachers.find((t) => t.id === 'T3');
      if (t3) Object.assign(t3, { maxSections: 1, unavailable: ['A.1', 'A.2', 'A.4', 'B.1', 'B.2', 'B.3', 'B.4'] });
    });
    const found = levers(scenario, clashSchedule());
    expect(found).toContainEqual({ kind: 'teacher', course: 'BIO', teachers: ['T3'], requests: { required: 2, requested: 0, recommended: 0 } });
    expect(renderLever(lookup(scenario, clashSchedule()), found.find((l) => l.kind === 'teacher') ?? expect.unreachable('no teacher lever found'))).toContain(
      'T3 C. Cruz teaches 1 of 1',
    );
  });

  it('names a room shortage when a teacher is free but every room of the type is taken', () => {
    const scenario = handScenario((s) => {
      s.rooms.push({ id: 'SL', type: 'science-lab', capacity: 30 });
      const bio = s.courses.find((c) => c.id === 'BIO');
      if (bio) bio.roomType = 'science-lab';
      const chem = s.courses.find((c) => c.id === 'CHEM');
      if (chem) chem.roomType = 'science-lab';
      const t3 = s.teachers.find((t) => t.id === 'T3');
      if (t3) t3.unavailable = ['A.1', 'A.2', 'B.1', 'B.2', 'B.3'];
      s.teachers.push({ id: 'T4', name: 'D. Diaz', courses: ['CHEM'], maxSections: 3 });
      // Without the alternate, S2's Biology is blocked like S1's (an empty Chemistry section would be an open seat).
      const s2 = s.students.find((x) => x.id === 'S2');
      if (s2) delete s2.alternates;
    });
    const schedule = clashSchedule();
    sectionOf(schedule, 'BIO-1').room = 'SL';
    schedule.sections.push(
      { id: 'CHEM-1', course: 'CHEM', teacher: 'T4', room: 'SL', slots: ['A.4'] },
      { id: 'CHEM-2', course: 'CHEM', teacher: 'T4', room: 'SL', slots: ['B.4'] },
    );
    expect(check(scenario, schedule).valid).toBe(true);
    expect(levers(scenario, schedule)).toContainEqual({
      kind: 'room',
      course: 'BIO',
      roomType: 'science-lab',
      requests: { required: 2, requested: 0, recommended: 0 },
    });
  });

  it('counts the requests a calendar too short cannot hold', () => {
    const scenario = handScenario((s) => {
      s.calendar.periods = ['1', '2'];
      for (const t of s.teachers) delete t.unavailable;
      const s3 = s.students.find((x) => x.id === 'S3');
      if (s3) s3.requests = ['ENG10', 'BIO', 'CHEM', 'HIST', 'HS1'];
    });
    // 4 slots; S3 asks for 1+1+1+1+2 = 6: dropping the double period is the fewest.
    expect(calendarLever(lookup(scenario, { sections: [], enrollments: {} }))).toEqual({
      kind: 'calendar',
      slots: 4,
      students: 1,
      pathwayStudents: 0,
      most: 6,
      requests: 1,
      required: 0,
    });
    expect(calendarLever(lookup(handScenario(), { sections: [], enrollments: {} }))).toBeNull();
  });
});

const solver: SolverFigures = {
  backend: 'highs',
  strategy: 'cte-first',
  seed: 1,
  termination: 'time-limit',
  schedule: 'feasible',
  partial: false,
  objective: 1,
  bound: 2,
  gap: 0.5,
  placementBound: { value: 40, source: 'cohort seats' },
  seconds: 1,
  stages: [],
};

describe('proven best, or how far from the bound', () => {
  const figures = (placed: number, total = 42): Figures => ({
    ...check(handScenario(), handSchedule()).figures,
    pathwayPlaced: { count: placed, total, share: placed / total },
  });

  it('says how many placed students the schedule may lack, from the placement bound', () => {
    expect(proofWords(figures(35), solver)).toBe(
      'Not proven best: no schedule can place more than 40 pathway students, so this one may be up to 5 placed students (12.5%) short of the best.',
    );
  });

  it('calls placement proven when it reaches the bound, and the whole schedule only when the solver proved it', () => {
    expect(proofWords(figures(40), solver)).toContain(
      'Pathway placement is proven best for the school as given: no schedule places more than 40 pathway students. The requests met are not proven',
    );
    expect(proofWords(figures(35), { ...solver, schedule: 'optimal' })).toMatch(/^Proven best for the school as given/);
  });

  it('rounds a fractional bound down: no schedule places a part of a student', () => {
    const relaxed = { ...solver, placementBound: { value: 40.7, source: 'relaxation' } };
    expect(proofWords(figures(35), relaxed)).toBe(
      'Not proven best: no schedule can place more than 40 pathway students, so this one may be up to 5 placed students (12.5%) short of the best.',
    );
    expect(proofWords(figures(40), relaxed)).toMatch(
      /^Pathway placement is proven best for the school as given: no schedule places more than 40 pathway students\./,
    );
  });

  it('says when no bound is known and when the solve stopped early', () => {
    expect(proofWords(figures(35), { ...solver, placementBound: null })).toBe('Not proven best, and no limit on pathway placement is known.');
    expect(proofWords(figures(35), { ...solver, partial: true })).toMatch(/stopped early: this is the best schedule found until then\.$/);
  });
});

describe('formatReport puts plain words on top and solver terms underneath', () => {
  it('opens with the headline figures, the meaning of placed, the causes adding up to the unmet required requests, and the levers', () => {
    const scenario = handScenario();
    const schedule = clashSchedule();
    const report = buildReport(scenario, schedule, check(scenario, schedule).figures, solver);
    const text = formatReport(report, scenario);
    const at = (s: string) => text.indexOf(s);
    expect(at('  Pathway students successfully placed  0 of 2 (0.0%)')).toBeGreaterThan(0);
    expect(at('A pathway student is successfully placed when every one of their requests is met')).toBeGreaterThan(at('Students fully scheduled'));
    expect(at('Why required requests are unmet (2 of 8)')).toBeGreaterThan(0);
    expect(text).toContain('  2  the only Biology section they may join, BIO-1 in A.3');
    expect(at('What would help most')).toBeGreaterThan(at('Why required requests are unmet'));
    expect(text).toContain('  1. One more Biology (BIO) section');
    expect(text).toContain('Checked by re-loading the students with it');
    // Solver jargon only below the figures.
    expect(at('Solver details')).toBeGreaterThan(at('Figures'));
    expect(at('objective')).toBeGreaterThan(at('Solver details'));
    expect(text.slice(0, at('Figures'))).not.toMatch(/objective|termination|\bgap\b/);
  });
});

import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { handScenario, handSchedule } from '../helpers/hand-school.js';

/** The input record of one hand-school student, for editing. */
const student = (id: string) => (s: ScenarioInput) => {
  const found = s.students.find((x) => x.id === id);
  if (!found) throw new Error(`no student ${id}`);
  return found;
};

describe('figures on the hand-made school', () => {
  it('fills every figure for the valid schedule', () => {
    const tally = (count: number, total: number) => ({ count, total, share: total === 0 ? null : count / total });
    expect(check(handScenario(), handSchedule()).figures).toEqual({
      pathwayPlaced: tally(2, 2),
      byPathway: [{ pathway: 'HEALTH', placed: tally(2, 2), byGrade: [{ grade: 10, placed: tally(2, 2) }] }],
      requestsMet: tally(8, 8),
      // Effective priorities: cohort courses, and English 10 and Biology, which each student needs to stay A–G on track.
      requestsByPriority: { required: tally(8, 8), requested: tally(0, 0), recommended: tally(0, 0) },
      fullyScheduled: tally(3, 3),
      agOnTrack: tally(3, 3),
      agOffTrackByRequest: 0,
      requestsOutsideGrade: 0,
      teamsWithCpt: tally(1, 1),
      sections: 4,
      // HS1-1 20-2, ENG10-1 30-2, ENG10-2 30-1, BIO-1 30-3
      unusedSeats: 18 + 28 + 29 + 27,
      underFilledSections: [],
      byGroup: [
        { group: 'EL', students: 2, pathwayPlaced: tally(1, 1), fullyScheduled: tally(2, 2), agOnTrack: tally(2, 2) },
        { group: 'IEP', students: 1, pathwayPlaced: tally(0, 0), fullyScheduled: tally(1, 1), agOnTrack: tally(1, 1) },
      ],
    });
  });

  it('counts requests by effective priority: A–G needs count as required only under agRule on-track', () => {
    const tally = (count: number, total: number) => ({ count, total, share: total === 0 ? null : count / total });
    const off = handScenario((s) => {
      s.policy = { agRule: 'off' };
    });
    // Only the cohort courses HS1 and ENG10 of S1 and S2 stay required.
    expect(check(off, handSchedule()).figures.requestsByPriority).toEqual({ required: tally(4, 4), requested: tally(4, 4), recommended: tally(0, 0) });
    const twoEnglish = handScenario((s) => {
      // S3 asks for two English courses but is one year short: neither alone is needed.
      s.students[2]!.requests.push('HIST');
      (s.courses.find((c) => c.id === 'HIST') ?? expect.unreachable('the hand school has no HIST')).ag = 'b';
      s.students[2]!.priorities = { HIST: 'recommended' };
    });
    const lines = check(twoEnglish, handSchedule()).figures.requestsByPriority;
    expect(lines.required.total).toBe(7);
    expect(lines.requested.total).toBe(1);
    expect(lines.recommended.total).toBe(1);
  });

  it('counts A–G on track, and keeps students off track by request out of the rate', () => {
    const scenario = handScenario((s) => {
      // S1 has no History year and requests none: off track by request, still placed.
      student('S1')(s).agCompleted = { b: 1, c: 2, e: 1 };
      // S3 requests World History, which has no section: off track because of the schedule.
      Object.assign(student('S3')(s), { agCompleted: { b: 1, c: 2, e: 1 }, requests: ['ENG10', 'BIO', 'HIST'] });
    });
    const { figures } = check(scenario, handSchedule());
    expect(figures.agOffTrackByRequest).toBe(1);
    expect(figures.agOnTrack).toEqual({ count: 1, total: 2, share: 0.5 });
    expect(figures.pathwayPlaced.count).toBe(2);
    expect(figures.fullyScheduled).toEqual({ count: 2, total: 3, share: 2 / 3 });
  });

  it('fails placement on A–G alone when an alternate of another subject replaces a request, unless agRule is off', () => {
    const edit = (s: ScenarioInput) => {
      Object.assign(student('S2')(s), { alternates: { BIO: ['HIST'] }, agCompleted: { a: 1, b: 1, c: 2, e: 1 } });
    };
    const schedule = handSchedule();
    schedule.sections.push({ id: 'HIST-1', course: 'HIST', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    schedule.enrollments['S2'] = ['HS1-1', 'ENG10-1', 'HIST-1'];
    const onTrack = check(handScenario(edit), schedule);
    expect(onTrack.valid).toBe(true);
    expect(onTrack.figures.requestsMet.count).toBe(8);
    expect(onTrack.figures.pathwayPlaced.count).toBe(1);
    const off = check(
      handScenario((s) => {
        edit(s);
        s.policy = { agRule: 'off' };
      }),
      schedule,
    );
    expect(off.figures.pathwayPlaced.count).toBe(2);
  });

  it('meets a request with an alternate', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    schedule.enrollments['S2'] = ['HS1-1', 'ENG10-1', 'CHEM-1'];
    const result = check(handScenario(), schedule);
    expect(result.valid).toBe(true);
    expect(result.figures.requestsMet.count).toBe(8);
    expect(result.figures.pathwayPlaced.count).toBe(2);
  });

  it('does not let one section meet two requests when a requested course is also an alternate', () => {
    const scenario = handScenario((s) => Object.assign(student('S3')(s), { requests: ['ENG10', 'BIO', 'CHEM'], alternates: { BIO: ['CHEM'] } }));
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    schedule.enrollments['S3'] = ['ENG10-2', 'CHEM-1'];
    const result = check(scenario, schedule);
    expect(result.valid).toBe(true);
    expect(result.figures.requestsMet).toEqual({ count: 8, total: 9, share: 8 / 9 });
  });

  it('does not place a pathway student whose cohort course is met outside their cohort', () => {
    const schedule = handSchedule();
    schedule.enrollments['S1'] = ['HS1-1', 'ENG10-2', 'BIO-1'];
    const { figures } = check(handScenario(), schedule);
    expect(figures.requestsMet.count).toBe(8);
    expect(figures.pathwayPlaced).toEqual({ count: 1, total: 2, share: 0.5 });
    expect(figures.byGroup[0]?.pathwayPlaced).toEqual({ count: 0, total: 1, share: 0 });
  });

  it('reports under-filled sections and counts unused seats up to the smaller capacity', () => {
    const scenario = handScenario((s) => {
      const eng = s.courses.find((c) => c.id === 'ENG10');
      if (eng) eng.minSize = 2;
      const r1 = s.rooms.find((r) => r.id === 'R1');
      if (r1) r1.capacity = 25;
    });
    const { figures } = check(scenario, handSchedule());
    expect(figures.underFilledSections).toEqual(['ENG10-2']);
    expect(figures.unusedSeats).toBe(18 + 23 + 24 + 27);
  });

  it('counts a team without common planning time', () => {
    const scenario = handScenario((s) => {
      const t1 = s.teachers.find((t) => t.id === 'T1');
      if (t1) t1.unavailable = ['A.4', 'B.2', 'B.3'];
    });
    const result = check(scenario, handSchedule());
    expect(result.violations.map((v) => v.rule)).toEqual(['cpt']);
    expect(result.figures.teamsWithCpt).toEqual({ count: 0, total: 1, share: 0 });
  });
});

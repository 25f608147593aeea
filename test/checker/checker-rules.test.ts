import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { placementFault, slotPositions } from '../../src/checker/calendar.js';
import { parseCohortLabel } from '../../src/checker/cohort-label.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { enrollmentOf, handScenario, handSchedule, sectionOf, type HandSchedule } from '../helpers/hand-school.js';

const rulesBroken = (scenario: Scenario, schedule: HandSchedule) => [...new Set(check(scenario, schedule).violations.map((v) => v.rule))];

describe('check on the hand-made school', () => {
  it('accepts the valid schedule', () => {
    const result = check(handScenario(), handSchedule());
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('unknown-id: an enrolled section that does not exist', () => {
    const schedule = handSchedule();
    enrollmentOf(schedule, 'S3').push('NOPE-1');
    const result = check(handScenario(), schedule);
    expect(rulesBroken(handScenario(), schedule)).toEqual(['unknown-id']);
    expect(result.violations[0]?.message).toContain('NOPE-1');
  });

  it('unknown-id: an enrolled student, a course and a teacher that do not exist', () => {
    const schedule = handSchedule();
    schedule.enrollments['S9'] = [];
    expect(rulesBroken(handScenario(), schedule)).toEqual(['unknown-id']);
    const other = handSchedule();
    other.sections.push({ id: 'X-1', course: 'XYZ', teacher: 'T9', room: 'R2', slots: ['B.4'] });
    expect(rulesBroken(handScenario(), other)).toEqual(['unknown-id']);
    expect(check(handScenario(), other).violations).toHaveLength(2);
  });

  it('duplicate-id: two sections with one id, or a section listed twice by a student', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'ENG10-2', course: 'ENG10', teacher: 'T1', room: 'R1', slots: ['B.3'] });
    expect(rulesBroken(handScenario(), schedule)).toEqual(['duplicate-id']);
    const other = handSchedule();
    enrollmentOf(other, 'S3').push('ENG10-2');
    expect(rulesBroken(handScenario(), other)).toEqual(['duplicate-id']);
  });

  it('placement: a single-period course meeting on two days, and a double period split across days', () => {
    const schedule = handSchedule();
    sectionOf(schedule, 'ENG10-1').slots = ['A.3', 'B.3'];
    expect(rulesBroken(handScenario(), schedule)).toEqual(['placement']);
    const split = handSchedule();
    sectionOf(split, 'HS1-1').slots = ['A.1', 'B.1'];
    enrollmentOf(split, 'S3').splice(0, 1); // S3 left ENG10-2 in B.1 so only the placement breaks
    split.sections = split.sections.filter((s) => s.id !== 'ENG10-2');
    expect(rulesBroken(handScenario(), split)).toEqual(['placement']);
  });

  it('placement: a period outside allowedPeriods, and a slot the calendar lacks', () => {
    const scenario = handScenario((s) => {
      const bio = s.courses.find((c) => c.id === 'BIO');
      if (bio) bio.allowedPeriods = ['1', '3'];
    });
    expect(rulesBroken(scenario, handSchedule())).toEqual(['placement']);
    const schedule = handSchedule();
    sectionOf(schedule, 'BIO-1').slots = ['C.2'];
    expect(rulesBroken(handScenario(), schedule)).toEqual(['placement']);
  });

  it('student-clash: a student in two sections sharing a slot', () => {
    const schedule = handSchedule();
    sectionOf(schedule, 'ENG10-2').slots = ['B.2'];
    const result = check(handScenario(), schedule);
    expect(rulesBroken(handScenario(), schedule)).toEqual(['student-clash']);
    expect(result.violations[0]).toMatchObject({ students: ['S3'], sections: ['ENG10-2', 'BIO-1'], slots: ['B.2'] });
  });

  it('teacher-clash: a teacher in two sections sharing a slot', () => {
    const schedule = handSchedule();
    Object.assign(sectionOf(schedule, 'ENG10-2'), { slots: ['A.3'], room: 'R2' });
    expect(rulesBroken(handScenario(), schedule)).toEqual(['teacher-clash']);
  });

  it('room-clash: a room holding two sections in one slot', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R1', slots: ['A.3'] });
    expect(rulesBroken(handScenario(), schedule)).toEqual(['room-clash']);
  });

  it('qualification: a teacher teaching a course not in their list', () => {
    const schedule = handSchedule();
    sectionOf(schedule, 'ENG10-2').teacher = 'T3';
    expect(rulesBroken(handScenario(), schedule)).toEqual(['qualification']);
  });

  it('unavailable: a teacher teaching in a slot they are unavailable', () => {
    const scenario = handScenario((s) => {
      const t2 = s.teachers.find((t) => t.id === 'T2');
      if (t2) t2.unavailable = ['A.1'];
    });
    expect(rulesBroken(scenario, handSchedule())).toEqual(['unavailable']);
  });

  it('max-sections: a teacher over their load', () => {
    const scenario = handScenario((s) => {
      const t1 = s.teachers.find((t) => t.id === 'T1');
      if (t1) t1.maxSections = 1;
    });
    expect(rulesBroken(scenario, handSchedule())).toEqual(['max-sections']);
  });

  it('room-type: a section in a room of the wrong type', () => {
    const schedule = handSchedule();
    sectionOf(schedule, 'ENG10-2').room = 'LAB';
    expect(rulesBroken(handScenario(), schedule)).toEqual(['room-type']);
  });

  it('room-capacity and course-capacity: more students than seats', () => {
    const small = handScenario((s) => {
      const r2 = s.rooms.find((r) => r.id === 'R2');
      if (r2) r2.capacity = 2;
    });
    expect(rulesBroken(small, handSchedule())).toEqual(['room-capacity']);
    const capped = handScenario((s) => {
      const bio = s.courses.find((c) => c.id === 'BIO');
      if (bio) bio.capacity = 2;
    });
    expect(rulesBroken(capped, handSchedule())).toEqual(['course-capacity']);
  });

  it('lock: a locked slot without a section, and a slot locked twice with one section', () => {
    expect(
      rulesBroken(
        handScenario((s) => void (s.locks = [{ course: 'BIO', slot: 'B.2' }])),
        handSchedule(),
      ),
    ).toEqual([]);
    expect(
      rulesBroken(
        handScenario((s) => void (s.locks = [{ course: 'BIO', slot: 'A.4' }])),
        handSchedule(),
      ),
    ).toEqual(['lock']);
    const twice = handScenario(
      (s) =>
        void (s.locks = [
          { course: 'BIO', slot: 'B.2' },
          { course: 'BIO', slot: 'B.2' },
        ]),
    );
    expect(rulesBroken(twice, handSchedule())).toEqual(['lock']);
  });

  it('cohort-label: a label that does not read PATHWAY-GRADE-N', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['B.3'], cohort: 'HEALTH10' });
    expect(rulesBroken(handScenario(), schedule)).toEqual(['cohort-label']);
  });

  it('cohort-exclusive: a student outside the pathway in a cohort section', () => {
    const scenario = handScenario((s) => {
      const p = s.pathways[0];
      if (p) Object.assign(p, { cohortCourses: { '10': ['ENG10'] }, cohortSize: 3 });
    });
    const schedule = handSchedule();
    delete sectionOf(schedule, 'HS1-1').cohort;
    schedule.enrollments['S3'] = ['ENG10-1', 'BIO-1'];
    const result = check(scenario, schedule);
    expect(rulesBroken(scenario, schedule)).toEqual(['cohort-exclusive']);
    expect(result.violations[0]).toMatchObject({ sections: ['ENG10-1'], students: ['S3'] });
  });

  it('cohort-together: a cohort member missing from one of its cohort sections', () => {
    const schedule = handSchedule();
    schedule.enrollments['S2'] = ['ENG10-1', 'BIO-1'];
    const result = check(handScenario(), schedule);
    expect(rulesBroken(handScenario(), schedule)).toEqual(['cohort-together']);
    expect(result.violations[0]).toMatchObject({ sections: ['HS1-1'], students: ['S2'] });
  });

  it('cohort-one-section: a cohort with two sections of one course', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'HS1-2', course: 'HS1', teacher: 'T2', room: 'LAB', slots: ['B.2', 'B.3'], cohort: 'HEALTH-10-1' });
    // An empty cohort, so that only the duplicate section is at fault.
    schedule.enrollments = { S1: ['BIO-1'], S2: ['BIO-1'], S3: ['ENG10-2', 'BIO-1'] };
    expect(rulesBroken(handScenario(), schedule)).toEqual(['cohort-one-section']);
  });

  it('cohort-size: a cohort above the cohort size', () => {
    const scenario = handScenario((s) => {
      const p = s.pathways[0];
      if (p) p.cohortSize = 1;
    });
    expect(rulesBroken(scenario, handSchedule())).toEqual(['cohort-size']);
  });

  it('cohort-count: more cohorts than the members fill', () => {
    const schedule = handSchedule();
    schedule.sections.push(
      { id: 'HS1-2', course: 'HS1', teacher: 'T2', room: 'LAB', slots: ['A.3', 'A.4'], cohort: 'HEALTH-10-2' },
      { id: 'ENG10-3', course: 'ENG10', teacher: 'T1', room: 'R2', slots: ['A.1'], cohort: 'HEALTH-10-2' },
    );
    schedule.enrollments['S2'] = ['HS1-2', 'ENG10-3', 'BIO-1'];
    const result = check(handScenario(), schedule);
    expect(rulesBroken(handScenario(), schedule)).toEqual(['cohort-count']);
    expect(result.violations[0]?.message).toContain('HEALTH grade 10 has 2 cohorts');
  });

  it('not-requested: a student in a course they did not ask for', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    enrollmentOf(schedule, 'S3').push('CHEM-1');
    expect(rulesBroken(handScenario(), schedule)).toEqual(['not-requested']);
  });

  it('duplicate-course: a course and its alternate both taken', () => {
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    enrollmentOf(schedule, 'S2').push('CHEM-1');
    const result = check(handScenario(), schedule);
    expect(rulesBroken(handScenario(), schedule)).toEqual(['duplicate-course']);
    expect(result.violations[0]?.sections).toEqual(['BIO-1', 'CHEM-1']);
  });

  it('one-section-per-course: one alternate course taken for two requests', () => {
    // S3 accepts Chemistry for both of its requests; two Chemistry sections meet both requests
    // (so duplicate-course, which matches sections to requests, sees nothing wrong).
    const scenario = handScenario((s) => {
      const s3 = s.students.find((st) => st.id === 'S3');
      if (s3) s3.alternates = { ENG10: ['CHEM'], BIO: ['CHEM'] };
    });
    const schedule = handSchedule();
    schedule.sections.push({ id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['A.4'] });
    schedule.sections.push({ id: 'CHEM-2', course: 'CHEM', teacher: 'T3', room: 'R2', slots: ['B.3'] });
    schedule.enrollments['S3'] = ['CHEM-1', 'CHEM-2'];
    const result = check(scenario, schedule);
    expect(rulesBroken(scenario, schedule)).toEqual(['one-section-per-course']);
    expect(result.violations[0]).toMatchObject({ students: ['S3'], sections: ['CHEM-1', 'CHEM-2'] });
    expect(result.violations[0]?.message).toContain('Chemistry (CHEM)');
    // One section of Chemistry for one of the requests is fine.
    schedule.enrollments['S3'] = ['ENG10-2', 'CHEM-1'];
    expect(rulesBroken(scenario, schedule)).toEqual([]);
  });

  it('course-grade: under the strict grade rule, a student in a course not offered to their grade', () => {
    // Biology offered to grade 11 only; the scenario admits the requests under "allow".
    const allow = handScenario((s) => {
      const bio = s.courses.find((c) => c.id === 'BIO');
      if (bio) bio.grades = [11];
      s.policy = { gradeRule: 'allow' };
    });
    expect(rulesBroken(allow, handSchedule())).toEqual([]);
    expect(check(allow, handSchedule()).figures.requestsOutsideGrade).toBe(3);
    // The same schedule judged under "strict" (as a hand-edited scenario would be).
    const strict = { ...allow, policy: { ...allow.policy, gradeRule: 'strict' as const } };
    const result = check(strict, handSchedule());
    expect(rulesBroken(strict, handSchedule())).toEqual(['course-grade']);
    expect(result.violations.map((v) => v.students?.[0])).toEqual(['S1', 'S2', 'S3']);
    expect(result.violations[0]?.message).toContain('grade 10');
    expect(check(handScenario(), handSchedule()).figures.requestsOutsideGrade).toBe(0);
  });

  it('cpt: a team without enough shared free slots', () => {
    const scenario = handScenario((s) => {
      const p = s.pathways[0];
      if (p) p.commonPlanning = 4;
    });
    const result = check(scenario, handSchedule());
    expect(rulesBroken(scenario, handSchedule())).toEqual(['cpt']);
    expect(result.violations[0]?.slots).toEqual(['A.4', 'B.2', 'B.3']);
  });

  it('prep: a teacher with no free slot', () => {
    const scenario = handScenario((s) => {
      const t3 = s.teachers.find((t) => t.id === 'T3');
      if (t3) t3.unavailable = ['A.1', 'A.2', 'A.3', 'A.4', 'B.1', 'B.3', 'B.4'];
    });
    expect(rulesBroken(scenario, handSchedule())).toEqual(['prep']);
  });

  it('prep: in every term taught, on a 4x4 block (free slots in the other term do not count)', () => {
    // T3 teaches BIO in both fall periods: no prep in F, although the whole spring is free.
    const fourByFour = handScenario((s) => {
      s.calendar = { terms: ['F', 'S'], days: ['D'], periods: ['1', '2'] };
      s.courses = s.courses.map((c) => ({ ...c, meets: { periods: 1, days: 'all', terms: 'one' } }));
      s.teachers = s.teachers.map(({ unavailable: _, ...t }) => t);
      s.pathways = [];
      s.students = [{ id: 'S3', grade: 10, requests: ['BIO', 'CHEM'] }];
    });
    const fallOnly = {
      sections: [
        { id: 'BIO-1', course: 'BIO', teacher: 'T3', room: 'R1', slots: ['F.D.1'] },
        { id: 'CHEM-1', course: 'CHEM', teacher: 'T3', room: 'R1', slots: ['F.D.2'] },
      ],
      enrollments: { S3: ['BIO-1', 'CHEM-1'] },
    };
    const result = check(fourByFour, fallOnly);
    expect(result.violations.map((v) => [v.rule, v.message])).toEqual([
      ['prep', 'teacher T3 has no free prep slot in term F: every slot is taught or unavailable'],
    ]);
    const spread = { ...fallOnly, sections: [fallOnly.sections[0]!, { ...fallOnly.sections[1]!, slots: ['S.D.2'] }] };
    expect(check(fourByFour, spread).violations).toEqual([]);
  });
});

describe('placements re-derived from the calendar', () => {
  const calendar = { terms: ['F', 'S'], days: ['D'], periods: ['1', '2', '3', '4'] };
  const positions = slotPositions(calendar);

  it('names slots TERM.DAY.PERIOD, DAY.PERIOD or PERIOD', () => {
    expect([...positions.keys()].slice(0, 2)).toEqual(['F.D.1', 'F.D.2']);
    expect([...slotPositions({ terms: ['Y'], days: ['A', 'B'], periods: ['1'] }).keys()]).toEqual(['A.1', 'B.1']);
    expect([...slotPositions({ terms: ['Y'], days: ['D'], periods: ['1', '2'] }).keys()]).toEqual(['1', '2']);
  });

  it('accepts one-term and whole-year placements of a 4x4 block, single and double', () => {
    const single = { meets: { periods: 1, days: 'all', terms: 'one' } } as const;
    const yearDouble = { meets: { periods: 2, days: 'all', terms: 'all' } } as const;
    expect(placementFault(calendar, positions, single, ['S.D.3'])).toBeUndefined();
    expect(placementFault(calendar, positions, single, ['F.D.3', 'S.D.3'])).toContain('one term');
    expect(placementFault(calendar, positions, yearDouble, ['F.D.2', 'F.D.3', 'S.D.2', 'S.D.3'])).toBeUndefined();
    expect(placementFault(calendar, positions, yearDouble, ['F.D.2', 'F.D.3', 'S.D.3', 'S.D.4'])).toBe('a double period needs two consecutive periods');
    expect(placementFault(calendar, positions, yearDouble, ['F.D.1', 'F.D.3', 'S.D.1', 'S.D.3'])).toContain('consecutive');
    expect(placementFault(calendar, positions, { ...yearDouble, allowedPeriods: ['1', '2'] }, ['F.D.2', 'F.D.3', 'S.D.2', 'S.D.3'])).toContain('allowed');
    expect(placementFault(calendar, positions, single, ['S.D.3', 'S.D.3'])).toContain('twice');
  });
});

describe('cohort labels', () => {
  it('reads pathway ids containing dashes from the right', () => {
    expect(parseCohortLabel('BIO-MED-10-2')).toEqual({ pathway: 'BIO-MED', grade: 10, number: 2 });
    expect(parseCohortLabel('HEALTH-13-1')).toBeUndefined();
    expect(parseCohortLabel('HEALTH-10')).toBeUndefined();
  });
});

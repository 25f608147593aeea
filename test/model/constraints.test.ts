/**
 * Each constraint family of the integer program on its own, on two to four hand-made entities,
 * asserting the exact rows it writes (names, terms by column name, bounds, the rule group it states).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { buildInstance, type Instance } from '../../src/model/instance.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { createVariables, type Vars } from '../../src/model/variables.js';
import { commonPlanning, maxSections, prep, teacherClash } from '../../src/model/constraints/teachers.js';
import { roomTypes } from '../../src/model/constraints/rooms.js';
import { locks, sectionCounts } from '../../src/model/constraints/sections.js';
import { cohorts } from '../../src/model/constraints/cohorts.js';
import { loading, placement } from '../../src/model/constraints/loading.js';
import { evaluate, formulate } from '../../src/model/formulation.js';
import { solveMip } from '../../solver/run.js';
import { shutdownSolverWorkers } from '../../solver/worker-pool.js';

type Family = (m: ModelBuilder, inst: Instance, vars: Vars) => void;

afterAll(async () => {
  await shutdownSolverWorkers();
});

/** Two periods, one day; course A (T1) and course B (T1 or T2); students as given. */
function school(edit: (s: ScenarioInput) => void = () => {}): ScenarioInput {
  const s: ScenarioInput = {
    format: 'pathway-scheduler/scenario@1',
    name: 'hand-made',
    calendar: { terms: ['Y'], days: ['D'], periods: ['1', '2'] },
    rooms: [{ id: 'R1', type: 'general', capacity: 30 }],
    teachers: [
      { id: 'T1', name: 'One', courses: ['A', 'B'], maxSections: 1 },
      { id: 'T2', name: 'Two', courses: ['B'], maxSections: 2, unavailable: ['2'] },
    ],
    courses: [
      { id: 'A', name: 'Course A', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } },
      { id: 'B', name: 'Course B', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } },
    ],
    pathways: [],
    students: [{ id: 'S1', grade: 10, requests: ['A', 'B'] }],
    policy: { agRule: 'off' },
  };
  edit(s);
  return s;
}

/** Rows a family writes, with columns named. */
function rows(input: ScenarioInput, family: Family) {
  const inst = buildInstance(parseScenario(input));
  const m = new ModelBuilder();
  const vars = createVariables(m, inst);
  family(m, inst, vars);
  return m.rows.map((r) => ({
    name: r.name,
    terms: Object.fromEntries(r.cols.map((c, k) => [m.columns[c]!.name, r.coefs[k]])),
    lb: r.lb,
    ub: r.ub,
    ...(m.ruleOf(r) ? { rule: m.ruleOf(r) } : {}),
  }));
}

describe('constraint families', () => {
  it('teacherClash: a teacher teaches at most one section in a slot', () => {
    expect(rows(school(), teacherClash)).toEqual([
      { name: 'teacherClash[T1,1]', terms: { 'teach[A,T1,1]': 1, 'teach[B,T1,1]': 1 }, lb: 0, ub: 1, rule: { rule: 'teacher-clash', args: { teacher: 'T1' } } },
      { name: 'teacherClash[T1,2]', terms: { 'teach[A,T1,2]': 1, 'teach[B,T1,2]': 1 }, lb: 0, ub: 1, rule: { rule: 'teacher-clash', args: { teacher: 'T1' } } },
    ]);
  });

  it('unavailable slots get no columns at all', () => {
    const names = rows(school(), maxSections).flatMap((r) => Object.keys(r.terms));
    expect(names).toContain('teach[B,T2,1]');
    expect(names).not.toContain('teach[B,T2,2]');
  });

  it('maxSections: a teacher teaches at most maxSections sections', () => {
    expect(rows(school(), maxSections)).toEqual([
      {
        name: 'teacherLoad[T1]',
        terms: { 'teach[A,T1,1]': 1, 'teach[A,T1,2]': 1, 'teach[B,T1,1]': 1, 'teach[B,T1,2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'max-sections', args: { teacher: 'T1' } },
      },
      { name: 'teacherLoad[T2]', terms: { 'teach[B,T2,1]': 1 }, lb: 0, ub: 2, rule: { rule: 'max-sections', args: { teacher: 'T2' } } },
    ]);
  });

  it('prep: each teacher keeps an available slot free in every term', () => {
    expect(rows(school(), prep)).toEqual([
      {
        name: 'prep[T1,Y]',
        terms: { 'teach[A,T1,1]': 1, 'teach[A,T1,2]': 1, 'teach[B,T1,1]': 1, 'teach[B,T1,2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'prep', args: { teacher: 'T1', term: 'Y' } },
      },
      { name: 'prep[T2,Y]', terms: { 'teach[B,T2,1]': 1 }, lb: 0, ub: 0, rule: { rule: 'prep', args: { teacher: 'T2', term: 'Y' } } },
    ]);
  });

  it('prep: on a 4x4 block, one row per term, over the placements in that term', () => {
    const fourByFour = school((s) => {
      s.calendar = { terms: ['F', 'S'], days: ['D'], periods: ['1', '2'] };
      s.courses = s.courses.map((c) => ({ ...c, meets: { periods: 1, days: 'all', terms: c.id === 'A' ? 'one' : 'all' } }));
      s.teachers[1]!.unavailable = ['F.D.2'];
    });
    // A runs one term (F.D.1 … S.D.2); B the whole year, its placement holding a slot in each term.
    expect(rows(fourByFour, prep)).toEqual([
      {
        name: 'prep[T1,F]',
        terms: { 'teach[A,T1,F.D.1]': 1, 'teach[A,T1,F.D.2]': 1, 'teach[B,T1,F.D.1+S.D.1]': 1, 'teach[B,T1,F.D.2+S.D.2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'prep', args: { teacher: 'T1', term: 'F' } },
      },
      {
        name: 'prep[T1,S]',
        terms: { 'teach[A,T1,S.D.1]': 1, 'teach[A,T1,S.D.2]': 1, 'teach[B,T1,F.D.1+S.D.1]': 1, 'teach[B,T1,F.D.2+S.D.2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'prep', args: { teacher: 'T1', term: 'S' } },
      },
      { name: 'prep[T2,F]', terms: { 'teach[B,T2,F.D.1+S.D.1]': 1 }, lb: 0, ub: 0, rule: { rule: 'prep', args: { teacher: 'T2', term: 'F' } } },
      { name: 'prep[T2,S]', terms: { 'teach[B,T2,F.D.1+S.D.1]': 1 }, lb: 0, ub: 1, rule: { rule: 'prep', args: { teacher: 'T2', term: 'S' } } },
    ]);
  });

  it('commonPlanning: the team shares enough slots in which none of them teaches', () => {
    const withTeam = school((s) => {
      s.pathways = [{ id: 'P', name: 'P', sector: 'x', cohortSize: 30, cohortCourses: {}, team: ['T1', 'T2'], commonPlanning: 1 }];
    });
    expect(rows(withTeam, commonPlanning)).toEqual([
      { name: 'cptSlots[P]', terms: { 'cpt[P,1]': 1 }, lb: 1, ub: Infinity, rule: { rule: 'cpt', args: { pathway: 'P' } } },
      {
        name: 'cptFree[P,T1,1]',
        terms: { 'teach[A,T1,1]': 1, 'teach[B,T1,1]': 1, 'cpt[P,1]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'cpt', args: { pathway: 'P' } },
      },
      { name: 'cptFree[P,T2,1]', terms: { 'teach[B,T2,1]': 1, 'cpt[P,1]': 1 }, lb: 0, ub: 1, rule: { rule: 'cpt', args: { pathway: 'P' } } },
    ]);
  });

  it('roomTypes: no more sections of a room type in a slot than rooms of that type', () => {
    expect(rows(school(), roomTypes)).toEqual([
      {
        name: 'roomType[general,1]',
        terms: { 'teach[A,T1,1]': 1, 'teach[B,T1,1]': 1, 'teach[B,T2,1]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'room-type', args: { roomType: 'general' } },
      },
      {
        name: 'roomType[general,2]',
        terms: { 'teach[A,T1,2]': 1, 'teach[B,T1,2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'room-type', args: { roomType: 'general' } },
      },
    ]);
  });

  it('sectionCounts: at most the planned sections, exactly a fixed count', () => {
    const fixed = school((s) => {
      s.courses[1]!.sections = 1;
    });
    expect(rows(fixed, sectionCounts)).toEqual([
      {
        name: 'sections[A]',
        terms: { 'teach[A,T1,1]': 1, 'teach[A,T1,2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'section-count', args: { course: 'A', planned: '1' } },
      },
      {
        name: 'sections[B]',
        terms: { 'teach[B,T1,1]': 1, 'teach[B,T1,2]': 1, 'teach[B,T2,1]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'section-count', args: { course: 'B', planned: '1' } },
      },
      {
        name: 'fixedSections[B]',
        terms: { 'teach[B,T1,1]': 1, 'teach[B,T1,2]': 1, 'teach[B,T2,1]': 1 },
        lb: 1,
        ub: 1,
        rule: { rule: 'fixed-sections', args: { course: 'B' } },
      },
    ]);
  });

  it('locks: a locked slot holds a section of the course', () => {
    const locked = school((s) => {
      s.locks = [{ course: 'B', slot: '1' }];
    });
    expect(rows(locked, locks)).toEqual([
      { name: 'lock[B,1]', terms: { 'teach[B,T1,1]': 1, 'teach[B,T2,1]': 1 }, lb: 1, ub: Infinity, rule: { rule: 'lock', args: { course: 'B', slot: '1' } } },
    ]);
  });

  it('loading: seats, one section per request, no clash for a single student', () => {
    expect(rows(school(), loading)).toEqual([
      {
        name: 'seats[A,1]',
        terms: { 'take[g0,none,A,A,1]': 1, 'teach[A,T1,1]': -30 },
        lb: -Infinity,
        ub: 0,
        rule: { rule: 'course-capacity', args: { course: 'A' } },
      },
      {
        name: 'seats[A,2]',
        terms: { 'take[g0,none,A,A,2]': 1, 'teach[A,T1,2]': -30 },
        lb: -Infinity,
        ub: 0,
        rule: { rule: 'course-capacity', args: { course: 'A' } },
      },
      {
        name: 'seats[B,1]',
        terms: { 'take[g0,none,B,B,1]': 1, 'teach[B,T1,1]': -30, 'teach[B,T2,1]': -30 },
        lb: -Infinity,
        ub: 0,
        rule: { rule: 'course-capacity', args: { course: 'B' } },
      },
      {
        name: 'seats[B,2]',
        terms: { 'take[g0,none,B,B,2]': 1, 'teach[B,T1,2]': -30 },
        lb: -Infinity,
        ub: 0,
        rule: { rule: 'course-capacity', args: { course: 'B' } },
      },
      {
        name: 'requestOnce[g0,none,0]',
        terms: { 'take[g0,none,A,A,1]': 1, 'take[g0,none,A,A,2]': 1 },
        lb: -Infinity,
        ub: 1,
        rule: { rule: 'duplicate-course', args: {} },
      },
      {
        name: 'requestOnce[g0,none,1]',
        terms: { 'take[g0,none,B,B,1]': 1, 'take[g0,none,B,B,2]': 1 },
        lb: -Infinity,
        ub: 1,
        rule: { rule: 'duplicate-course', args: {} },
      },
      {
        name: 'studentClash[g0,none,1]',
        terms: { 'take[g0,none,A,A,1]': 1, 'take[g0,none,B,B,1]': 1 },
        lb: -Infinity,
        ub: 1,
        rule: { rule: 'student-clash', args: {} },
      },
      {
        name: 'studentClash[g0,none,2]',
        terms: { 'take[g0,none,A,A,2]': 1, 'take[g0,none,B,B,2]': 1 },
        lb: -Infinity,
        ub: 1,
        rule: { rule: 'student-clash', args: {} },
      },
    ]);
  });

  it('loading: one section of a course per student, whichever request it meets', () => {
    // C (T2, period 1 only) is an alternate of both requests: taken for one, it cannot meet the other.
    const shared = school((s) => {
      s.courses.push({
        id: 'C',
        name: 'Course C',
        grades: [10],
        capacity: 30,
        roomType: 'general',
        meets: { periods: 1, days: 'all', terms: 'all' },
        sections: 1,
      });
      s.teachers[1]!.courses.push('C');
      s.students[0]!.alternates = { A: ['C'], B: ['C'] };
    });
    const once = rows(shared, loading).filter((r) => r.name.startsWith('courseOnce'));
    expect(once).toEqual([
      {
        name: 'courseOnce[g0,none,C]',
        terms: { 'take[g0,none,A,C,1]': 1, 'take[g0,none,B,C,1]': 1 },
        lb: -Infinity,
        ub: 1,
        rule: { rule: 'one-section-per-course', args: {} },
      },
    ]);
    // A course meeting one request only needs no row of its own.
    expect(rows(school(), loading).some((r) => r.name.startsWith('courseOnce'))).toBe(false);
  });

  it('groups merge identical students only where their counts always split into timetables', () => {
    const groupsOf = (input: ScenarioInput) => buildInstance(parseScenario(input)).groups.map((g) => g.students);
    const twins = (edit: (s: ScenarioInput) => void = () => {}) =>
      school((s) => {
        s.students = [
          { id: 'S1', grade: 10, requests: ['A', 'B'] },
          { id: 'S2', grade: 10, requests: ['A', 'B'] },
        ];
        edit(s);
      });
    expect(groupsOf(twins())).toEqual([['S1', 'S2']]);
    // A double period with regular sections: each student stands alone.
    expect(groupsOf(twins((s) => (s.courses[0]!.meets = { periods: 2, days: 'all', terms: 'all' })))).toEqual([['S1'], ['S2']]);
    // An every-day course on an A/B calendar occupies two slots.
    const abDays = (s: ScenarioInput) => {
      s.calendar.days = ['A', 'B'];
      delete s.teachers[1]!.unavailable;
    };
    expect(groupsOf(twins(abDays))).toEqual([['S1'], ['S2']]);
    // One course able to meet both requests (a shared alternate).
    const shared = (s: ScenarioInput) => {
      s.courses.push({
        id: 'C',
        name: 'Course C',
        grades: [10],
        capacity: 30,
        roomType: 'general',
        meets: { periods: 1, days: 'all', terms: 'all' },
        sections: 1,
      });
      s.teachers[1]!.courses.push('C');
      for (const st of s.students) st.alternates = { A: ['C'], B: ['C'] };
    };
    expect(groupsOf(twins(shared))).toEqual([['S1'], ['S2']]);
  });

  /** One pathway P, grade 10 cohort courses A and B, one member M1 who also requests C. */
  const withCohort = () =>
    school((s) => {
      s.courses.push({ id: 'C', name: 'Course C', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } });
      s.teachers[1]!.courses.push('C');
      s.pathways = [{ id: 'P', name: 'P', sector: 'x', cohortSize: 2, cohortCourses: { '10': ['A', 'B'] }, team: [], commonPlanning: 0 }];
      s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['A', 'B', 'C'] }];
    });

  it('cohorts: size, a section of every cohort course before members, no overlap, one cohort per student', () => {
    expect(rows(withCohort(), cohorts)).toEqual([
      { name: 'cohortSize[P-10-1]', terms: { 'member[g0,P-10-1]': 1 }, lb: 0, ub: 2, rule: { rule: 'cohort-size', args: { cohort: 'P-10-1' } } },
      {
        name: 'cohortNeeds[P-10-1,A]',
        terms: { 'member[g0,P-10-1]': 1, 'cohortTeach[P-10-1,A,T1,1]': -2, 'cohortTeach[P-10-1,A,T1,2]': -2 },
        lb: -Infinity,
        ub: 0,
        rule: { rule: 'cohort-together', args: { cohort: 'P-10-1' } },
      },
      {
        name: 'cohortNeeds[P-10-1,B]',
        terms: { 'member[g0,P-10-1]': 1, 'cohortTeach[P-10-1,B,T1,1]': -2, 'cohortTeach[P-10-1,B,T1,2]': -2, 'cohortTeach[P-10-1,B,T2,1]': -2 },
        lb: -Infinity,
        ub: 0,
        rule: { rule: 'cohort-together', args: { cohort: 'P-10-1' } },
      },
      {
        name: 'cohortClash[P-10-1,1]',
        terms: { 'cohortTeach[P-10-1,A,T1,1]': 1, 'cohortTeach[P-10-1,B,T1,1]': 1, 'cohortTeach[P-10-1,B,T2,1]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'cohort-clash', args: { cohort: 'P-10-1', pathway: 'P', grade: '10' } },
      },
      {
        name: 'cohortClash[P-10-1,2]',
        terms: { 'cohortTeach[P-10-1,A,T1,2]': 1, 'cohortTeach[P-10-1,B,T1,2]': 1 },
        lb: 0,
        ub: 1,
        rule: { rule: 'cohort-clash', args: { cohort: 'P-10-1', pathway: 'P', grade: '10' } },
      },
      { name: 'memberOnce[g0]', terms: { 'member[g0,P-10-1]': 1 }, lb: 0, ub: 1 },
    ]);
  });

  it('loading keeps a cohort member out of the slots the cohort spends together', () => {
    const free = rows(withCohort(), loading).filter((r) => r.name.startsWith('cohortFree'));
    expect(free).toEqual([
      {
        name: 'cohortFree[P-10-1,1]',
        terms: { 'take[g0,P-10-1,C,C,1]': 1, 'cohortTeach[P-10-1,A,T1,1]': 2, 'cohortTeach[P-10-1,B,T1,1]': 2, 'cohortTeach[P-10-1,B,T2,1]': 2 },
        lb: -Infinity,
        ub: 2,
        rule: { rule: 'student-clash', args: {} },
      },
    ]);
  });

  it('placement: a member counts as placed only with every other request met', () => {
    expect(rows(withCohort(), placement)).toEqual([
      { name: 'placedMember[g0,P-10-1]', terms: { 'placed[g0,P-10-1]': 1, 'member[g0,P-10-1]': -1 }, lb: -Infinity, ub: 0 },
      { name: 'placedInTake[g0,P-10-1,C,C,1]', terms: { 'placedTake[g0,P-10-1,C,C,1]': 1, 'take[g0,P-10-1,C,C,1]': -1 }, lb: -Infinity, ub: 0 },
      { name: 'placedNeeds[g0,P-10-1,C]', terms: { 'placed[g0,P-10-1]': 1, 'placedTake[g0,P-10-1,C,C,1]': -1 }, lb: 0, ub: 0 },
    ]);
  });

  /**
   * Three periods; pathway P with cohort course A only (T1); members request A, B and C. B is
   * taught by T3 in any period, C by T2 in period 1 only (or, with `solvable`, T2 is free all day
   * so that T2 keeps a prep period).
   */
  const twoRequests = (members: number, solvable = false, edit: (s: ScenarioInput) => void = () => {}) =>
    school((s) => {
      s.calendar.periods = ['1', '2', '3'];
      s.rooms.push({ id: 'R2', type: 'general', capacity: 30 });
      s.courses.push({ id: 'C', name: 'Course C', grades: [10], capacity: 30, roomType: 'general', meets: { periods: 1, days: 'all', terms: 'all' } });
      s.teachers = [
        { id: 'T1', name: 'One', courses: ['A'], maxSections: 1 },
        { id: 'T2', name: 'Two', courses: ['C'], maxSections: 1, ...(solvable ? {} : { unavailable: ['2', '3'] }) },
        { id: 'T3', name: 'Three', courses: ['B'], maxSections: 1 },
      ];
      s.pathways = [{ id: 'P', name: 'P', sector: 'x', cohortSize: members, cohortCourses: { '10': ['A'] }, team: [], commonPlanning: 0 }];
      s.students = Array.from({ length: members }, (_, i) => ({ id: `M${i + 1}`, grade: 10, pathway: 'P', requests: ['A', 'B', 'C'] }));
      edit(s);
    });

  it('placement: placed students, and the other members, sit in one section per slot', () => {
    expect(rows(twoRequests(1), placement)).toEqual([
      { name: 'placedMember[g0,P-10-1]', terms: { 'placed[g0,P-10-1]': 1, 'member[g0,P-10-1]': -1 }, lb: -Infinity, ub: 0 },
      { name: 'placedInTake[g0,P-10-1,B,B,1]', terms: { 'placedTake[g0,P-10-1,B,B,1]': 1, 'take[g0,P-10-1,B,B,1]': -1 }, lb: -Infinity, ub: 0 },
      { name: 'placedInTake[g0,P-10-1,B,B,2]', terms: { 'placedTake[g0,P-10-1,B,B,2]': 1, 'take[g0,P-10-1,B,B,2]': -1 }, lb: -Infinity, ub: 0 },
      { name: 'placedInTake[g0,P-10-1,B,B,3]', terms: { 'placedTake[g0,P-10-1,B,B,3]': 1, 'take[g0,P-10-1,B,B,3]': -1 }, lb: -Infinity, ub: 0 },
      { name: 'placedInTake[g0,P-10-1,C,C,1]', terms: { 'placedTake[g0,P-10-1,C,C,1]': 1, 'take[g0,P-10-1,C,C,1]': -1 }, lb: -Infinity, ub: 0 },
      {
        name: 'placedNeeds[g0,P-10-1,B]',
        terms: { 'placed[g0,P-10-1]': 1, 'placedTake[g0,P-10-1,B,B,1]': -1, 'placedTake[g0,P-10-1,B,B,2]': -1, 'placedTake[g0,P-10-1,B,B,3]': -1 },
        lb: 0,
        ub: 0,
      },
      { name: 'placedNeeds[g0,P-10-1,C]', terms: { 'placed[g0,P-10-1]': 1, 'placedTake[g0,P-10-1,C,C,1]': -1 }, lb: 0, ub: 0 },
      // Periods 2 and 3 serve request B alone: its own count already bounds them, so no rows there.
      {
        name: 'placedSlot[g0,P-10-1,1]',
        terms: { 'placedTake[g0,P-10-1,B,B,1]': 1, 'placedTake[g0,P-10-1,C,C,1]': 1, 'placed[g0,P-10-1]': -1 },
        lb: -Infinity,
        ub: 0,
      },
      {
        name: 'othersSlot[g0,P-10-1,1]',
        terms: {
          'take[g0,P-10-1,B,B,1]': 1,
          'placedTake[g0,P-10-1,B,B,1]': -1,
          'take[g0,P-10-1,C,C,1]': 1,
          'placedTake[g0,P-10-1,C,C,1]': -1,
          'member[g0,P-10-1]': -1,
          'placed[g0,P-10-1]': 1,
        },
        lb: -Infinity,
        ub: 0,
      },
    ]);
    // Off A–G track alternates get no placed-student column: a student taking one is not placed.
    const agOn = school((s) => {
      s.courses.push({ id: 'C', name: 'Course C', grades: [10], capacity: 30, roomType: 'general', ag: 'd', meets: { periods: 1, days: 'all', terms: 'all' } });
      s.courses[1]!.ag = 'g';
      s.teachers[1]!.courses.push('C');
      s.pathways = [{ id: 'P', name: 'P', sector: 'x', cohortSize: 2, cohortCourses: { '10': ['A'] }, team: [], commonPlanning: 0 }];
      s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['A', 'C'], alternates: { C: ['B'] }, agCompleted: { a: 1, b: 2, c: 2, e: 1 } }];
      s.policy = { agRule: 'on-track' };
    });
    const agRows = rows(agOn, placement);
    expect(agRows.some((r) => r.name === 'placedInTake[g0,P-10-1,C,B,1]')).toBe(false);
    expect(agRows.find((r) => r.name === 'placedNeeds[g0,P-10-1,C]')).toEqual({
      name: 'placedNeeds[g0,P-10-1,C]',
      terms: { 'placed[g0,P-10-1]': 1, 'placedTake[g0,P-10-1,C,C,1]': -1 },
      lb: 0,
      ub: 0,
    });
  });

  it('placement: nobody is placed who needs two courses offered only in the same period', async () => {
    // Two members need B and C, each with its one section locked in period 1; the cohort's A
    // fits in period 2. Each request alone could be met for both members (and the old per-request
    // bounds with the clash rows counted one of them placed), but nobody takes both.
    const maxPlaced = async (input: ScenarioInput) => {
      const form = formulate(buildInstance(parseScenario(input)));
      const result = await solveMip(form.builder.build('max', form.terms.placed), { backend: 'highs', timeLimitSeconds: 20, mipGap: 0, seed: 1 });
      expect(result.termination).toBe('optimal');
      return Math.round(evaluate(form.terms.placed, result.values ?? expect.unreachable('an optimal result has values')));
    };
    const locked = (s: ScenarioInput) => {
      s.locks = [
        { course: 'B', slot: '1' },
        { course: 'C', slot: '1' },
      ];
    };
    expect(await maxPlaced(twoRequests(2, true, locked))).toBe(0);
    // Unlocked, B and C go to different periods and both members are placed.
    expect(await maxPlaced(twoRequests(2, true))).toBe(2);
  }, 60_000);
});

/**
 * The brute-force oracle on schools solved by hand: it tells "no valid schedule" (a lock no
 * teacher can keep, a team with no common free slot) apart from "a valid schedule places nobody",
 * opens more sections than requests ÷ capacity when students' timetables need them, counts
 * cohorts, rooms and double periods, applies A–G, gives a student one section per course (an
 * alternate shared by two requests meets one), and meets an off-grade request only where
 * `gradeRule: "allow"` admits it. Each best it finds comes with a schedule
 * the independent checker accepts and that places exactly that many.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/scenario/parse.js';
import { check } from '../../src/checker/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { bruteForce, OracleGaveUp } from './brute-force.js';
import { present } from './present.js';
import { randomSchool } from './random-school.js';

type Input = ScenarioInput;
const course = (id: string, extra: Partial<Input['courses'][number]> = {}): Input['courses'][number] => ({
  id,
  name: id,
  ag: null,
  grades: [10],
  capacity: 30,
  roomType: 'general',
  meets: { periods: 1, days: 'all', terms: 'all' },
  ...extra,
});
const teacher = (id: string, courses: string[], extra: Partial<Input['teachers'][number]> = {}): Input['teachers'][number] => ({
  id,
  name: id,
  courses,
  maxSections: 3,
  ...extra,
});

/** One day of `periods` periods, two general rooms; edit the rest. */
function school(periods: number, edit: (s: Input) => void): Input {
  const s: Input = {
    format: 'pathway-scheduler/scenario@1',
    name: 'hand-solved',
    calendar: { terms: ['Y'], days: ['D'], periods: Array.from({ length: periods }, (_, i) => String(i + 1)) },
    rooms: [
      { id: 'R1', type: 'general', capacity: 30 },
      { id: 'R2', type: 'general', capacity: 30 },
    ],
    teachers: [],
    courses: [],
    pathways: [],
    students: [],
    policy: { agRule: 'off' },
  };
  edit(s);
  return s;
}
const pathway = (id: string, cohortCourses: string[], cohortSize: number, extra: Partial<Input['pathways'][number]> = {}): Input['pathways'][number] => ({
  id,
  name: id,
  sector: 'Health Science and Medical Technology',
  cohortSize,
  cohortCourses: { '10': cohortCourses },
  team: [],
  commonPlanning: 0,
  ...extra,
});

/** The oracle's answer, after the checker confirms its schedule places `best`. */
function solved(input: Input) {
  const scenario = parseScenario(input);
  const result = bruteForce(scenario);
  if (result.witness) {
    const checked = check(scenario, result.witness);
    expect(checked.violations).toEqual([]);
    expect(checked.figures.pathwayPlaced.count).toBe(result.best);
  }
  return result;
}

describe('brute-force oracle on hand-solved schools', () => {
  it('no valid schedule: a lock in the only teacher’s unavailable period', () => {
    const r = solved(
      school(2, (s) => {
        s.courses = [course('CT', { cte: true }), course('X')];
        s.teachers = [teacher('T1', ['X'], { unavailable: ['1'] }), teacher('T2', ['CT'])];
        s.pathways = [pathway('P', ['CT'], 5)];
        s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['CT'] }];
        s.locks = [{ course: 'X', slot: '1' }];
      }),
    );
    // Without the lock M1 would be placed; with it no schedule is valid at all.
    expect(r).toEqual({ feasible: false, best: 0, witness: null });
  });

  it('no valid schedule: a team whose teachers share no available slot for common planning', () => {
    const r = solved(
      school(2, (s) => {
        s.courses = [course('CT', { cte: true })];
        s.teachers = [teacher('T1', ['CT'], { unavailable: ['1'] }), teacher('T2', ['CT'], { unavailable: ['2'] })];
        s.pathways = [pathway('P', ['CT'], 5, { team: ['T1', 'T2'], commonPlanning: 1 })];
        s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['CT'] }];
      }),
    );
    expect(r).toEqual({ feasible: false, best: 0, witness: null });
  });

  it('a valid schedule that places nobody: three one-period courses in a two-period day', () => {
    const r = solved(
      school(2, (s) => {
        s.courses = [course('CT', { cte: true }), course('A'), course('B')];
        s.teachers = [teacher('T1', ['CT', 'A', 'B'])];
        s.pathways = [pathway('P', ['CT'], 5)];
        s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['CT', 'A', 'B'] }];
      }),
    );
    expect(r.feasible).toBe(true);
    expect(r.best).toBe(0);
    expect(r.witness).not.toBeNull();
  });

  it('two cohorts need two sections of MATH although two students fit one (requests ÷ capacity = 1)', () => {
    // Cohort size 1: M1 and M2 form two cohorts. T1 alone teaches CT, in periods 1 or 2, so the
    // cohorts' CT sections take periods 1 and 2; MATH may only meet in 1 or 2, so each member
    // needs MATH in the other cohort's CT period: two sections of a course with 2 seats.
    const input = school(3, (s) => {
      s.courses = [course('CT', { cte: true, allowedPeriods: ['1', '2'] }), course('MATH', { capacity: 2, allowedPeriods: ['1', '2'] })];
      s.teachers = [teacher('T1', ['CT'], { maxSections: 2 }), teacher('T2', ['MATH'], { maxSections: 2 })];
      s.pathways = [pathway('P', ['CT'], 1)];
      s.students = ['M1', 'M2'].map((id) => ({ id, grade: 10, pathway: 'P', requests: ['CT', 'MATH'] }));
    });
    const r = solved(input);
    expect(r.best).toBe(2);
    expect(r.witness?.sections.filter((x) => x.course === 'MATH')).toHaveLength(2);
    // Held to one MATH section, as a planner dividing requests by capacity would, only one is placed.
    expect(bruteForce(parseScenario(input), undefined, (c) => (c === 'MATH' ? 1 : 9)).best).toBe(1);
  });

  it('one lab holds two double periods on an A/B rotation: two of three cohorts can run', () => {
    // P1 forms two cohorts of 1, P2 one; each cohort needs its double-period lab course on a day;
    // the lab fits A.1+A.2 and B.1+B.2 only, so two of the three members are placed.
    const r = solved(
      school(2, (s) => {
        s.calendar.days = ['A', 'B'];
        s.rooms.push({ id: 'LAB', type: 'lab', capacity: 10 });
        const lab = { cte: true, roomType: 'lab', meets: { periods: 2 as const, days: 'one' as const, terms: 'all' as const } };
        s.courses = [course('C1', lab), course('C2', lab)];
        s.teachers = [teacher('T1', ['C1']), teacher('T3', ['C1']), teacher('T2', ['C2'])];
        s.pathways = [pathway('P1', ['C1'], 1), pathway('P2', ['C2'], 5)];
        s.students = [
          { id: 'M1', grade: 10, pathway: 'P1', requests: ['C1'] },
          { id: 'M2', grade: 10, pathway: 'P1', requests: ['C1'] },
          { id: 'N1', grade: 10, pathway: 'P2', requests: ['C2'] },
        ];
      }),
    );
    expect(r).toMatchObject({ feasible: true, best: 2 });
  });

  it('A–G on track: an alternate of another subject meets the request but does not place the student', () => {
    // SPAN and CT both meet only in period 1, so the student cannot take both; ART, the
    // alternate, meets in another period. The student needs a year of language (e) this year to
    // be on track, and SPAN would give it. (SPAN's teacher can teach it: a requested course no
    // teacher is able to take is refused as input.)
    const input = (agRule: 'on-track' | 'off') =>
      school(3, (s) => {
        s.courses = [
          course('CT', { cte: true, ag: 'g', allowedPeriods: ['1'] }),
          course('SPAN', { ag: 'e', allowedPeriods: ['1'] }),
          course('ART', { ag: 'f' }),
        ];
        s.teachers = [teacher('T1', ['CT', 'ART']), teacher('T2', ['SPAN'])];
        s.pathways = [pathway('P', ['CT'], 5)];
        s.students = [
          { id: 'M1', grade: 10, pathway: 'P', requests: ['CT', 'SPAN'], alternates: { SPAN: ['ART'] }, agCompleted: { a: 1, b: 2, c: 2, d: 1, e: 0 } },
        ];
        s.policy = { agRule };
      });
    expect(solved(input('on-track')).best).toBe(0);
    expect(solved(input('off')).best).toBe(1);
  });

  it('one section per course: an alternate two requests share meets only one of them', () => {
    // CT, CHOIR and ART meet only in period 1; Photography is the alternate of both CHOIR and ART.
    // One Photography section meets one request, and a second is a second section of one course.
    const input = (artPeriods: string[]) =>
      school(3, (s) => {
        s.courses = [
          course('CT', { cte: true, allowedPeriods: ['1'] }),
          course('CHOIR', { allowedPeriods: ['1'] }),
          course('ART', { allowedPeriods: artPeriods }),
          course('PHOTO'),
        ];
        s.teachers = [teacher('T1', ['CT']), teacher('T2', ['CHOIR']), teacher('T3', ['ART']), teacher('T4', ['PHOTO'])];
        s.pathways = [pathway('P', ['CT'], 5)];
        s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['CT', 'CHOIR', 'ART'], alternates: { CHOIR: ['PHOTO'], ART: ['PHOTO'] } }];
      });
    expect(solved(input(['1']))).toMatchObject({ feasible: true, best: 0 });
    // With ART free to meet in period 2, Photography in period 3 stands in for CHOIR alone.
    const r = solved(input(['1', '2', '3']));
    expect(r.best).toBe(1);
    const witness = present(r.witness, 'the oracle found no schedule');
    expect(witness.enrollments['M1']?.map((id) => witness.sections.find((x) => x.id === id)?.course).sort()).toEqual(['ART', 'CT', 'PHOTO']);
  });

  it('grades: a request outside the course’s grades is refused as input, and under gradeRule allow it can be met', () => {
    const input = (gradeRule: 'strict' | 'allow') =>
      school(2, (s) => {
        s.courses = [course('CT', { cte: true }), course('SENIOR', { grades: [12] })];
        s.teachers = [teacher('T1', ['CT']), teacher('T2', ['SENIOR'])];
        s.pathways = [pathway('P', ['CT'], 5)];
        s.students = [{ id: 'M1', grade: 10, pathway: 'P', requests: ['CT', 'SENIOR'] }];
        s.policy = { agRule: 'off', gradeRule };
      });
    expect(() => parseScenario(input('strict'))).toThrow(/is for grade 12, but student M1 is in grade 10/);
    expect(solved(input('allow')).best).toBe(1);
  });

  it('gives up loudly rather than slowly beyond its node limit', () => {
    const scenario = parseScenario(fc.sample(randomSchool(), { numRuns: 1, seed: 5 })[0]!);
    expect(() => bruteForce(scenario, 3)).toThrow(OracleGaveUp);
  });
});

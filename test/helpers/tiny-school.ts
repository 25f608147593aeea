/**
 * Tiny random schools for property tests: one day of 3 periods, one pathway with one cohort,
 * two cohort courses and two other courses, a handful of teachers and students.
 */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/scenario/schema.js';

const PERIODS = ['1', '2', '3'];
const COURSES = ['CT', 'CA', 'N1', 'N2'] as const;

export interface TinySchoolShape {
  readonly capacities: readonly number[];
  readonly labCourse: number;
  readonly teachers: ReadonlyArray<{ courses: readonly boolean[]; maxSections: number; unavailable: readonly boolean[] }>;
  readonly cohortSize: number;
  readonly team: readonly boolean[];
  readonly commonPlanning: number;
  readonly members: ReadonlyArray<readonly boolean[]>;
  readonly others: ReadonlyArray<readonly boolean[]>;
  readonly labs: number;
}

export const tinySchoolShape: fc.Arbitrary<TinySchoolShape> = fc.record({
  capacities: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 4, maxLength: 4 }),
  labCourse: fc.integer({ min: 0, max: 4 }),
  teachers: fc.array(
    fc.record({
      courses: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      maxSections: fc.integer({ min: 2, max: 3 }),
      unavailable: fc.array(
        fc.integer({ min: 0, max: 6 }).map((x) => x === 0),
        { minLength: 3, maxLength: 3 },
      ),
    }),
    { minLength: 2, maxLength: 3 },
  ),
  cohortSize: fc.integer({ min: 2, max: 3 }),
  team: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  commonPlanning: fc.integer({ min: 0, max: 1 }),
  members: fc.array(fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  others: fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { minLength: 0, maxLength: 3 }),
  labs: fc.integer({ min: 1, max: 2 }),
});

/** The scenario for a shape; always passes the schema and cross-reference checks. */
export function tinySchool(shape: TinySchoolShape): ScenarioInput {
  const teachers = shape.teachers.map((t, i) => ({
    id: `T${i + 1}`,
    name: `Teacher ${i + 1}`,
    courses: COURSES.filter((_, c) => t.courses[c] || i === 0),
    maxSections: t.maxSections,
    // T1 may teach every course and is free in period 1: no requested course is untaught (refused as input).
    unavailable: PERIODS.filter((_, p) => t.unavailable[p] && !(i === 0 && p === 0)),
  }));
  const members = shape.members.slice(0, shape.cohortSize);
  return {
    format: 'pathway-scheduler/scenario@1',
    name: 'tiny random school',
    calendar: { terms: ['Y'], days: ['D'], periods: PERIODS },
    rooms: [
      { id: 'R1', type: 'general', capacity: 10 },
      { id: 'R2', type: 'general', capacity: 10 },
      ...Array.from({ length: shape.labs }, (_, i) => ({ id: `LAB${i + 1}`, type: 'lab', capacity: 10 })),
    ],
    teachers,
    courses: COURSES.map((id, c) => ({
      id,
      name: `Course ${id}`,
      ag: null,
      cte: id === 'CT',
      grades: [10],
      capacity: shape.capacities[c] ?? 2,
      roomType: shape.labCourse === c ? 'lab' : 'general',
      meets: { periods: 1 as const, days: 'all' as const, terms: 'all' as const },
    })),
    pathways: [
      {
        id: 'P',
        name: 'Pathway',
        sector: 'Health Science and Medical Technology',
        cohortSize: shape.cohortSize,
        cohortCourses: { '10': ['CT', 'CA'] },
        team: teachers.filter((_, i) => shape.team[i]).map((t) => t.id),
        commonPlanning: shape.commonPlanning,
      },
    ],
    students: [
      ...members.map((extra, i) => ({
        id: `M${i + 1}`,
        grade: 10,
        pathway: 'P',
        requests: ['CT', 'CA', ...(['N1', 'N2'] as const).filter((_, k) => extra[k])],
      })),
      ...shape.others.map((req, i) => {
        const requests = (['CA', 'N1', 'N2'] as const).filter((_, k) => req[k]);
        return { id: `O${i + 1}`, grade: 10, requests: requests.length > 0 ? requests : ['N1'] };
      }),
    ],
    policy: { agRule: 'off', timeLimitSeconds: 20 },
  };
}

/**
 * Tiny schools that are often infeasible, for properties of the infeasibility diagnosis: a tiny
 * random school (test/helpers/tiny-school.ts: one day of 3 periods, courses CT, CA, N1, N2, two or
 * three teachers, T1 credentialed for all) with perturbations.
 *
 * Only three things force a board to hold sections at all: fixed section counts, locks and common
 * planning time (with no section the rest holds trivially). So each school gets one or two such
 * *demands*, and up to three *limits* that may leave no room for them: a lower `maxSections`,
 * unavailable periods, one allowed period, a double period, a single lab. The scenario is always
 * valid input: it passes the schema, the cross-reference and the impossible-data checks (limits
 * that would leave a requested course or a fixed count no teacher able to take a section are
 * undone just enough, test/helpers/teachable.ts).
 */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { keepCoursesTeachable } from './teachable.js';
import { tinySchool, tinySchoolShape, type TinySchoolShape } from './tiny-school.js';

const PERIODS = ['1', '2', '3'] as const;

export type Demand =
  | { readonly kind: 'fixed-sections'; readonly course: number; readonly sections: number }
  /** `count` identical locks of a course in one period (two or more clash on one teacher or room). */
  | { readonly kind: 'locks'; readonly course: number; readonly period: number; readonly count: number }
  | { readonly kind: 'cpt'; readonly commonPlanning: number; readonly team: readonly boolean[] };

export type Limit =
  | { readonly kind: 'max-sections'; readonly teacher: number; readonly max: number }
  | { readonly kind: 'unavailable'; readonly teacher: number; readonly periods: readonly boolean[] }
  | { readonly kind: 'allowed-period'; readonly course: number; readonly period: number }
  | { readonly kind: 'double-period'; readonly course: number }
  | { readonly kind: 'one-lab'; readonly course: number };

export interface InfeasibleSchoolShape {
  readonly school: TinySchoolShape;
  readonly demands: readonly Demand[];
  readonly limits: readonly Limit[];
}

const course = fc.integer({ min: 0, max: 3 });
const period = fc.integer({ min: 0, max: 2 });
const teacher = fc.integer({ min: 0, max: 2 });

const demand: fc.Arbitrary<Demand> = fc.oneof(
  fc.record({ kind: fc.constant('fixed-sections' as const), course, sections: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ kind: fc.constant('locks' as const), course, period, count: fc.integer({ min: 1, max: 2 }) }),
  fc.record({
    kind: fc.constant('cpt' as const),
    commonPlanning: fc.integer({ min: 1, max: 2 }),
    team: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  }),
);

const limit: fc.Arbitrary<Limit> = fc.oneof(
  fc.record({ kind: fc.constant('max-sections' as const), teacher, max: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('unavailable' as const), teacher, periods: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('allowed-period' as const), course, period }),
  fc.record({ kind: fc.constant('double-period' as const), course }),
  fc.record({ kind: fc.constant('one-lab' as const), course }),
);

export const infeasibleSchoolShape: fc.Arbitrary<InfeasibleSchoolShape> = fc.record({
  school: tinySchoolShape,
  demands: fc.array(demand, { minLength: 1, maxLength: 2 }),
  limits: fc.array(limit, { minLength: 0, maxLength: 3 }),
});

/** The tiny school with its limits, then its demands (locks only where the course may meet). */
export function infeasibleSchool(shape: InfeasibleSchoolShape): ScenarioInput {
  const s = tinySchool(shape.school);
  const courseAt = (i: number) => s.courses[i % s.courses.length]!;
  const teacherAt = (i: number) => s.teachers[i % s.teachers.length]!;
  // No teacher may be unavailable all day: the school would be rejected as unreadable input.
  for (const l of shape.limits) {
    if (l.kind === 'max-sections') teacherAt(l.teacher).maxSections = l.max;
    if (l.kind === 'unavailable') {
      const off = PERIODS.filter((_, p) => l.periods[p]);
      teacherAt(l.teacher).unavailable = off.length === PERIODS.length ? off.slice(1) : off;
    }
    if (l.kind === 'allowed-period') {
      const c = courseAt(l.course);
      // A double period needs two consecutive periods.
      c.allowedPeriods = c.meets.periods === 2 ? [PERIODS[Math.min(l.period, 1)]!, PERIODS[Math.min(l.period, 1) + 1]!] : [PERIODS[l.period]!];
    }
    if (l.kind === 'double-period') {
      const c = courseAt(l.course);
      c.meets = { ...c.meets, periods: 2 };
      if (c.allowedPeriods?.length === 1) delete c.allowedPeriods;
    }
    if (l.kind === 'one-lab') {
      s.rooms = [...s.rooms.filter((r) => r.type !== 'lab'), { id: 'LAB1', type: 'lab', capacity: 10 }];
      courseAt(l.course).roomType = 'lab';
    }
  }
  for (const d of shape.demands) {
    if (d.kind === 'fixed-sections') courseAt(d.course).sections = d.sections;
    if (d.kind === 'locks') {
      const c = courseAt(d.course);
      const allowed = c.allowedPeriods ?? [...PERIODS];
      const slot = allowed[d.period % allowed.length]!;
      s.locks = [...(s.locks ?? []), ...Array.from({ length: d.count }, () => ({ course: c.id, slot }))];
    }
    if (d.kind === 'cpt') {
      const p = s.pathways[0]!;
      p.commonPlanning = d.commonPlanning;
      p.team = s.teachers.filter((_, i) => d.team[i]).map((t) => t.id);
    }
  }
  // Limits that leave a requested course (or one with a fixed count) no teacher able to take a
  // section make impossible data, which parse refuses: undo just enough of them.
  keepCoursesTeachable(s);
  return s;
}

/**
 * The scenario format v1 (see SCENARIO.md): one school's scheduling problem for one year.
 * Every object is strict so that a misspelt field is reported instead of ignored.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { ownRecord } from './own-record.js';
import { BACKEND_NAMES } from '../../solver/backends/index.js';

/** A–G subject areas of the UC/CSU admission requirements. */
export const AG_SUBJECTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export const agSubjectSchema = z.enum(AG_SUBJECTS);
export type AgSubject = z.infer<typeof agSubjectSchema>;

export const PRIORITIES = ['required', 'requested', 'recommended'] as const;
export const prioritySchema = z.enum(PRIORITIES);
/** Request priority: required outranks requested, which outranks recommended. */
export type Priority = z.infer<typeof prioritySchema>;

const id = z.string().min(1, 'an id must be a non-empty string').max(LIMITS.idLength, `an id has at most ${LIMITS.idLength} characters`);
const grade = z.number().int().min(9).max(12);
const count = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.count, `at most ${LIMITS.count.toLocaleString('en-US')}`);
const seats = z
  .number()
  .int()
  .min(1)
  .max(LIMITS.seats, `a section or room seats at most ${LIMITS.seats.toLocaleString('en-US')} students`);
/** A list of at most `max` items, the limit named in school words. */
const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, `at most ${max.toLocaleString('en-US')} ${what} (the engine's limit, above any school)`);

export const calendarSchema = z.strictObject({
  /** `["Y"]` for a full year; `["F","S"]` for a 4x4 block. */
  terms: list(id, LIMITS.terms, 'terms in a year').min(1),
  /** Rotation days: `["A","B"]`, or `["D"]` when every day is the same. */
  days: list(id, LIMITS.days, 'rotation days').min(1),
  /** Periods of one day, in bell order. */
  periods: list(id, LIMITS.periodsPerDay, 'periods in a day').min(1),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const roomSchema = z.strictObject({
  id,
  type: id,
  capacity: seats,
});
export type Room = z.infer<typeof roomSchema>;

export const teacherSchema = z.strictObject({
  id,
  name: z.string(),
  /** Courses this teacher is credentialed and assigned to teach. */
  courses: list(id, LIMITS.courses, 'courses'),
  /** Sections at most. */
  maxSections: count,
  /** Slots the teacher cannot teach (part-time CTE staff). */
  unavailable: list(z.string(), LIMITS.slots, 'slots').optional(),
  /** Home room, preferred when rooms are assigned. */
  room: id.optional(),
});
export type Teacher = z.infer<typeof teacherSchema>;

export const meetsSchema = z.strictObject({
  /** 1, or 2 for a double period (two consecutive periods, same day and term). */
  periods: z.literal([1, 2]),
  /** `one`: meets on one rotation day; `all`: on every day in the same period. */
  days: z.enum(['one', 'all']),
  /** `all`: the whole year (same period each term); `one`: one term. */
  terms: z.enum(['all', 'one']),
});
export type Meets = z.infer<typeof meetsSchema>;

export const courseSchema = z.strictObject({
  id,
  name: z.string(),
  /** A–G subject, when the course is A–G approved (extension: may be omitted or null). */
  ag: agSubjectSchema.nullable().optional(),
  /** A Career Technical Education course (default false). */
  cte: z.boolean().optional(),
  grades: list(grade, 4, 'grades').min(1),
  capacity: seats,
  roomType: id,
  meets: meetsSchema,
  /** Fixed section count; omitted = derived from requests and capacity. */
  sections: z.number().int().min(0).max(LIMITS.sectionsPerCourse, `a course has at most ${LIMITS.sectionsPerCourse} sections`).optional(),
  /** Periods its sections may use (default: all). */
  allowedPeriods: list(id, LIMITS.periodsPerDay, 'periods').min(1).optional(),
  /** A running section below this size is reported under-filled. */
  minSize: count.optional(),
});
export type Course = z.infer<typeof courseSchema>;

export const pathwaySchema = z.strictObject({
  id,
  name: z.string(),
  sector: z.string(),
  /** Students per cohort; cohorts = ceil(members / cohortSize). */
  cohortSize: seats,
  /** Per grade ("10", "11", ...), the courses the cohort takes together. */
  cohortCourses: ownRecord(
    z.string().regex(/^(9|10|11|12)$/, 'a grade key is "9", "10", "11" or "12"'),
    list(id, LIMITS.requestsPerStudent, 'cohort courses'),
    'use "9", "10", "11" or "12" as keys',
  ),
  /** Teachers who share common planning time. */
  team: list(id, LIMITS.teachers, 'teachers'),
  /** Free slots the whole team shares (default 1, 0 = none). */
  commonPlanning: count.default(1),
});
export type Pathway = z.infer<typeof pathwaySchema>;

export const studentSchema = z.strictObject({
  id,
  grade,
  pathway: id.optional(),
  requests: list(id, LIMITS.requestsPerStudent, 'requests per student'),
  /** Acceptable substitutes, keyed by requested course. */
  alternates: ownRecord(id, list(id, LIMITS.alternatesPerRequest, 'alternates per request'), 'key alternates by a requested course id').optional(),
  /** Keyed by requested course; default "requested". */
  priorities: ownRecord(id, prioritySchema, 'key priorities by a requested course id').optional(),
  /** Years completed before this year, per A–G subject. */
  agCompleted: z.strictObject(Object.fromEntries(AG_SUBJECTS.map((k) => [k, count.optional()])) as Record<AgSubject, z.ZodOptional<typeof count>>).optional(),
  /** Labels for equity reports (EL, IEP, SED, ...). */
  groups: list(z.string().max(LIMITS.idLength), 50, 'groups').optional(),
});
export type Student = z.infer<typeof studentSchema>;

export const lockSchema = z.strictObject({
  course: id,
  slot: z.string(),
});
export type Lock = z.infer<typeof lockSchema>;

export const STRATEGIES = ['cte-first', 'academic-first'] as const;
export const GRADE_RULES = ['strict', 'allow'] as const;
export type GradeRule = (typeof GRADE_RULES)[number];
/** The solver backends a scenario or a command may name: the registry's names (solver/backends/index.ts). */
export const SOLVER_NAMES = BACKEND_NAMES;
export type Strategy = (typeof STRATEGIES)[number];
export type SolverName = (typeof SOLVER_NAMES)[number];

/**
 * Ranges of the solve options, shared by the scenario's `policy`, the CLI options and
 * {@link solve}'s options so that all three accept the same values.
 */
/** Seconds, from 0.1 s to 24 h: Node's timers overflow beyond 24.8 days and cut every stage to 1 ms. */
export const timeLimitSchema = z
  .number()
  .min(LIMITS.minTimeLimitSeconds, `the time limit is at least ${LIMITS.minTimeLimitSeconds} s`)
  .max(LIMITS.maxTimeLimitSeconds, `the time limit is at most ${LIMITS.maxTimeLimitSeconds.toLocaleString('en-US')} s (24 hours)`);
/** A relative gap: 0 (prove optimal) to 1. */
export const mipGapSchema = z.number().min(0).max(1);
/** A seed the solvers accept (HiGHS takes a 32-bit signed integer). */
export const seedSchema = z.number().int().min(0).max(LIMITS.maxSeed, `a seed is a whole number from 0 to ${LIMITS.maxSeed}`);

export const policySchema = z.strictObject({
  /** `cte-first` (default) or `academic-first`, the traditional order for comparison. */
  strategy: z.enum(STRATEGIES).default('cte-first'),
  /** `on-track` (default): A–G counts towards placement; `off` ignores A–G. */
  agRule: z.enum(['on-track', 'off']).default('on-track'),
  /** Wall-clock limit for the whole solve (default 60). */
  timeLimitSeconds: timeLimitSchema.default(60),
  /** Relative MIP gap at which the solver may stop (default 0). */
  mipGap: mipGapSchema.default(0),
  /** Seed for every random choice (default 1). */
  seed: seedSchema.default(1),
  /** Solver backend (default `highs`). */
  solver: z.enum(SOLVER_NAMES).default('highs'),
  /**
   * A course is offered to the grades in its `grades`. `strict` (default): a request or alternate
   * for a course outside the student's grade is an input problem; `allow`: it is admitted, and
   * the report counts such requests (SCENARIO.md, "Grades").
   */
  gradeRule: z.enum(GRADE_RULES).default('strict'),
});
export type Policy = z.infer<typeof policySchema>;

export const SCENARIO_FORMAT = 'pathway-scheduler/scenario@1';

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  name: z.string(),
  calendar: calendarSchema,
  rooms: list(roomSchema, LIMITS.rooms, 'rooms'),
  teachers: list(teacherSchema, LIMITS.teachers, 'teachers'),
  courses: list(courseSchema, LIMITS.courses, 'courses'),
  pathways: list(pathwaySchema, LIMITS.pathways, 'pathways'),
  students: list(studentSchema, LIMITS.students, 'students'),
  locks: list(lockSchema, LIMITS.sections, 'locks').default([]),
  policy: policySchema.default({
    strategy: 'cte-first',
    agRule: 'on-track',
    timeLimitSeconds: 60,
    mipGap: 0,
    seed: 1,
    solver: 'highs',
    gradeRule: 'strict',
  }),
});
/** A scenario after parsing: defaults filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written in a file: defaulted fields may be omitted. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/**
 * The solution format v1 (SCENARIO.md, "The solution file") and the report it carries.
 * The report's figures are computed by the independent checker from the schedule alone;
 * only `report.solver` comes from the solver.
 */
import { z } from 'zod';
import { ownRecord } from '../scenario/own-record.js';

export const SOLUTION_FORMAT = 'pathway-scheduler/solution@1';

export const sectionSchema = z.strictObject({
  id: z.string().min(1),
  course: z.string().min(1),
  teacher: z.string().min(1),
  room: z.string().min(1),
  slots: z.array(z.string()).min(1),
  /** Set on cohort sections: `PATHWAY-GRADE-N`, e.g. `HEALTH-10-1`. */
  cohort: z.string().optional(),
});
export type Section = z.infer<typeof sectionSchema>;

const share = z.number().min(0).max(1).nullable();
const tally = z.strictObject({ count: z.number().int(), total: z.number().int(), share });
export type Tally = z.infer<typeof tally>;

export const notPlacedSchema = z.strictObject({
  student: z.string(),
  pathway: z.string(),
  grade: z.number().int(),
  /** Reasons in school words, most telling first. */
  reasons: z.array(z.string()),
});
export type NotPlaced = z.infer<typeof notPlacedSchema>;

/** Figures the checker recomputes from the scenario and the schedule. */
export const figuresSchema = z.strictObject({
  pathwayPlaced: tally,
  byPathway: z.array(
    z.strictObject({
      pathway: z.string(),
      placed: tally,
      byGrade: z.array(z.strictObject({ grade: z.number().int(), placed: tally })),
    }),
  ),
  requestsMet: tally,
  requestsByPriority: z.strictObject({ required: tally, requested: tally, recommended: tally }),
  fullyScheduled: tally,
  /** Students A–G on track, among those whose requests can reach it. */
  agOnTrack: tally,
  /** Students whose requests cannot reach A–G on track, not counted against the schedule. */
  agOffTrackByRequest: z.number().int(),
  /**
   * Requests naming a course outside the student's grade, as the course or an alternate: admitted
   * only under `policy.gradeRule: "allow"` (0 otherwise). Optional: older solution files lack it.
   */
  requestsOutsideGrade: z.number().int().optional(),
  teamsWithCpt: tally,
  sections: z.number().int(),
  unusedSeats: z.number().int(),
  underFilledSections: z.array(z.string()),
  byGroup: z.array(
    z.strictObject({
      group: z.string(),
      students: z.number().int(),
      pathwayPlaced: tally,
      fullyScheduled: tally,
      agOnTrack: tally,
    }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

/**
 * Why the solve stopped, kept apart from what schedule exists. `optimal`: the schedule is proven
 * best for the whole objective (see `schedule`); `work-limit`: a stage stopped at its node or step
 * budget, which keeps the solve reproducible; `local-optimum`: the search's stall rule, every
 * family of neighbourhoods tried without improvement; `bound-reached`: pathway placement reached
 * its bound, so no search could place more (the later tiers are not proven); `time-limit`: the clock.
 */
export const TERMINATIONS = [
  'optimal',
  'gap-reached',
  'time-limit',
  'work-limit',
  'local-optimum',
  'bound-reached',
  'interrupted',
  'infeasible',
  'error',
] as const;
export const solverFiguresSchema = z.strictObject({
  backend: z.string(),
  strategy: z.string(),
  seed: z.number().int(),
  termination: z.enum(TERMINATIONS),
  /**
   * `none`, `feasible` (a schedule, not proven best) or `optimal`: every objective tier is at its
   * ceiling (placement at `placementBound`, every request met), or the delivered schedule's value
   * equals a proven bound of the whole program, with the plan's section counts, for the
   * strategy's objective (a stage's own optimality, such as the loading of a fixed board, never
   * counts).
   */
  schedule: z.enum(['none', 'feasible', 'optimal']),
  /** True when the solve was stopped early (time limit or Ctrl-C) and this is the best found so far. */
  partial: z.boolean(),
  /**
   * The returned schedule's value in the program's weighted objective, recomputed from the
   * checker's figures (so never a promise of the program the named students do not keep).
   */
  objective: z.number().nullable(),
  /**
   * Set only when the named schedule falls short of the program's value for its board (after the
   * engine's repair): the program's weighted value, which the schedule does not reach.
   */
  programObjective: z.number().optional(),
  /**
   * The objective's tiers, highest first (strict: README "Request priorities"): each tier's value
   * in the returned schedule (from the checker) and in the program's solution behind it.
   */
  tiers: z.array(z.strictObject({ name: z.string(), schedule: z.number().int(), program: z.number().int() })).optional(),
  /** Best proven bound on the objective, when the backend reports one. */
  bound: z.number().nullable(),
  /** Relative gap between objective and bound. */
  gap: z.number().nullable(),
  /** Upper bound on pathway students placed that no valid schedule can exceed, and how it was obtained. */
  placementBound: z.strictObject({ value: z.number(), source: z.string() }).nullable(),
  /**
   * (bound − placed) / bound on pathway students placed: 0 when the schedule reaches the bound,
   * null without pathway students. Optional: older solution files lack it.
   */
  placementGap: z.number().nullable().optional(),
  /** True when pathway students placed equal the bound: no valid schedule places more. Optional: older solution files lack it. */
  placementProven: z.boolean().optional(),
  /**
   * Courses whose planned regular sections (⌈requests outside cohorts / seats⌉, or the fixed
   * count) did not all fit the final board, with the count on it and why. Absent when all fit.
   */
  sectionsNotPlaced: z.array(z.strictObject({ course: z.string(), planned: z.number().int(), placed: z.number().int(), reason: z.string() })).optional(),
  /**
   * True when no stage was cut by the clock (only by its work limits): the same scenario, options
   * and seed then give the same schedule on any machine. Optional: older solution files lack it.
   */
  reproducible: z.boolean().optional(),
  seconds: z.number(),
  stages: z.array(
    z.strictObject({ name: z.string(), status: z.string(), seconds: z.number(), objective: z.number().nullable(), bound: z.number().nullable() }),
  ),
  /**
   * Whose schedule was delivered: the name of the stage (of `stages`) whose solution it is, or
   * `greedy loader` when it is the greedy CTE-first loader's, built without a solver (the engine
   * keeps it when the checker finds the program's schedule invalid or worse). Optional: older
   * solution files lack it.
   */
  delivered: z.string().optional(),
  /** For an infeasible scenario: the groups of hard rules involved, in school words. */
  infeasibleRules: z.array(z.string()).optional(),
});
export type SolverFigures = z.infer<typeof solverFiguresSchema>;

/**
 * What stops a group of unmet requests, read off the computed explanations (src/explain/summary.ts):
 * `not-offered` no section of the course or its alternates runs; `reserved` every section is a
 * cohort section of another cohort; `full`, `clash`, `full-or-clash` the sections the students may
 * join are full, clash with their own sections, or some of each; `open-seat` a fitting seat was left.
 */
export const UNMET_KINDS = ['clash', 'full', 'full-or-clash', 'reserved', 'not-offered', 'open-seat'] as const;
export type UnmetKind = (typeof UNMET_KINDS)[number];

/** Unmet requests of one course with one cause, counted by priority (tiers), with the cause in school words. */
export const unmetCauseSchema = z.strictObject({
  kind: z.enum(UNMET_KINDS),
  /** The requested course. */
  course: z.string(),
  required: z.number().int(),
  requested: z.number().int(),
  recommended: z.number().int(),
  reason: z.string(),
});
export type UnmetCause = z.infer<typeof unmetCauseSchema>;

/**
 * Changes to the school: `add-section` one more section of a course with a teacher, room and slots
 * found free; `teacher` a course whose blocked requests no qualified teacher is free to serve;
 * `room` one whose teachers are free but no room of its type; `calendar` students who request more
 * than the calendar's slots hold.
 */
export const LEVER_KINDS = ['add-section', 'teacher', 'room', 'calendar'] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];

/** What re-loading the students with a lever applied found, against re-loading them without it. */
export const leverCheckSchema = z.strictObject({
  /** Every hard rule holds on the schedule with the change (the checker). */
  valid: z.boolean(),
  /** More requests met, required requests met, students fully scheduled, pathway students placed. */
  requestsMet: z.number().int(),
  requiredMet: z.number().int(),
  fullyScheduled: z.number().int(),
  pathwayPlaced: z.number().int(),
});
export type LeverCheck = z.infer<typeof leverCheckSchema>;

/** One change that would help, computed from the schedule (src/explain/levers.ts). */
export const leverSchema = z.strictObject({
  kind: z.enum(LEVER_KINDS),
  /** The change and what it would do, in school words. */
  text: z.string(),
  /** Unmet requests it addresses (for `add-section`: the requests its seats would meet as the schedule stands). */
  requests: z.number().int(),
  /** Of those, required ones. */
  required: z.number().int(),
  /** Set when the engine checked the change by re-loading the students (add-section levers). */
  check: leverCheckSchema.optional(),
});
export type Lever = z.infer<typeof leverSchema>;

export const reportSchema = z.strictObject({
  figures: figuresSchema,
  notPlaced: z.array(notPlacedSchema),
  solver: solverFiguresSchema,
  /** Every unmet request, grouped by course and cause, most required first. Optional: older files and bare schedules lack it. */
  causes: z.array(unmetCauseSchema).optional(),
  /** The changes that would help most, most first. Optional: older files lack it. */
  levers: z.array(leverSchema).optional(),
});
export type Report = z.infer<typeof reportSchema>;

export const solutionSchema = z.strictObject({
  format: z.literal(SOLUTION_FORMAT),
  scenario: z.string(),
  sections: z.array(sectionSchema),
  /** Student id → the ids of the sections they are loaded into (any id works, `__proto__` too). */
  enrollments: ownRecord(z.string(), z.array(z.string()), 'key enrollments by student id'),
  /** Optional when a tool writes a bare schedule; the engine always fills it. */
  report: reportSchema.optional(),
});
export type Solution = z.infer<typeof solutionSchema>;

/** The part of a solution that a schedule is: sections and enrollments (other fields are ignored). */
export const scheduleSchema = z.object({
  sections: z.array(sectionSchema),
  enrollments: ownRecord(z.string(), z.array(z.string()), 'key enrollments by student id'),
});

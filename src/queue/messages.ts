/**
 * What crosses the queue, validated with zod on both sides: the job (a scenario inline, or only
 * its path, content hash and counts in shared storage), the progress a worker posts while it
 * solves, and the result it stores (a comparison row without its name).
 */
import { z } from 'zod';
import { SOLVER_NAMES, scenarioSchema } from '../scenario/schema.js';
import { figuresSchema, scheduleSchema, solutionSchema } from '../solution/schema.js';
import { solveProgressSchema } from '../whatif/variant-messages.js';

/**
 * The solve options a job carries: only those that change the schedule (they enter the job id).
 * `start` is the base scenario's schedule for a what-if variant where it is still valid (see
 * `SolveOptions.start`): the same scenario started elsewhere is another solve, with its own id.
 */
export const queueSolveOptionsSchema = z.strictObject({
  timeLimitSeconds: z.number().positive().optional(),
  seed: z.number().int().min(0).optional(),
  solver: z.enum(SOLVER_NAMES).optional(),
  start: scheduleSchema.optional(),
});
export type QueueSolveOptions = z.infer<typeof queueSolveOptionsSchema>;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
/** A path inside the shared storage folder: relative, `/`-separated, never leaving it. */
const storagePath = z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._/-]+$/, 'a relative path inside the shared storage folder');

/**
 * A job. `inline`: the scenario (and any start schedule) travels in Redis. `shared`: only the
 * path of its canonical JSON in the shared storage folder, its SHA-256 (the worker refuses a file
 * that does not match) and counts for the logs, and so for a start schedule. `name` is the submitter's label for messages; it does not enter the job id.
 */
export const jobDataSchema = z.discriminatedUnion('transport', [
  z.strictObject({ format: z.literal(1), transport: z.literal('inline'), name: z.string().min(1), options: queueSolveOptionsSchema, scenario: scenarioSchema }),
  z.strictObject({
    format: z.literal(1),
    transport: z.literal('shared'),
    name: z.string().min(1),
    options: queueSolveOptionsSchema,
    scenarioFile: storagePath,
    scenarioSha256: hex64,
    students: z.number().int().nonnegative(),
    courses: z.number().int().nonnegative(),
    /** The start schedule's path and SHA-256 in shared storage (its `options` then carry no `start`). */
    startFile: storagePath.optional(),
    startSha256: hex64.optional(),
  }),
]);
export type JobData = z.infer<typeof jobDataSchema>;

/** What a worker posts as the job's progress: who runs it, and the solve's figures once there are any. */
export const jobProgressSchema = z.strictObject({ worker: z.string(), solve: solveProgressSchema.nullable() });
export type JobProgress = z.infer<typeof jobProgressSchema>;

const tally = figuresSchema.shape.pathwayPlaced;
const metricsSchema = z.strictObject({
  pathwayPlaced: tally,
  fullyScheduled: tally,
  requestsMet: tally,
  agOnTrack: tally,
  teamsWithCpt: tally,
  sections: z.number().int().nonnegative(),
  teacherLoad: tally,
});

/**
 * A job's result as stored under its key: the comparison row's fields (without the name, which
 * is the submitter's), the worker that produced it, and the solution, inline or (shared storage)
 * as a path and SHA-256.
 */
export const jobResultSchema = z.strictObject({
  format: z.literal(1),
  key: z.string(),
  worker: z.string(),
  status: z.enum(['scheduled', 'infeasible', 'no-schedule', 'failed', 'interrupted']),
  message: z.string().optional(),
  metrics: metricsSchema.nullable(),
  schedule: z.enum(['optimal', 'feasible']).optional(),
  termination: z.string().optional(),
  reproducible: z.boolean().optional(),
  solution: solutionSchema.optional(),
  solutionFile: z.strictObject({ path: storagePath, sha256: hex64 }).optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

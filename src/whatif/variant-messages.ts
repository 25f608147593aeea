/**
 * The messages between a comparison and its variant workers, validated with zod on arrival on
 * both sides: a job (the scenario and the solve options that can cross a thread) in, the solve's
 * outcome or the error it threw out.
 */
import { z } from 'zod';
import type { SolveOptions, SolveOutcome, SolveProgress } from '../engine/solve.js';
import { SOLVER_NAMES, scenarioSchema, seedSchema, timeLimitSchema } from '../scenario/schema.js';
import { figuresSchema, reportSchema, scheduleSchema, solutionSchema, solverFiguresSchema } from '../solution/schema.js';
import { RULE_IDS } from '../scenario/rules.js';

/**
 * Ways to make a variant worker crash on purpose, for tests of the pool's containment only:
 * `exit` ends the thread with exit code 3, `throw` throws an uncaught error, `hang` blocks the
 * thread until it is terminated.
 */
export const VARIANT_TEST_CRASHES = ['exit', 'throw', 'hang'] as const;
export type VariantTestCrash = (typeof VARIANT_TEST_CRASHES)[number];

/** The solve options that cross into a variant worker (callbacks and signals cannot). */
export const variantSolveOptionsSchema = z.strictObject({
  timeLimitSeconds: timeLimitSchema.optional(),
  seed: seedSchema.optional(),
  solver: z.enum(SOLVER_NAMES).optional(),
  parallel: z.number().int().min(1).max(64).optional(),
  /** The base scenario's schedule, for a variant where it is still valid (see `SolveOptions.start`). */
  start: scheduleSchema.optional(),
});
export type VariantSolveOptions = z.infer<typeof variantSolveOptionsSchema>;

/** Main thread → variant worker: solve this scenario. */
export const variantJobSchema = z.strictObject({
  type: z.literal('solve'),
  jobId: z.number().int().nonnegative(),
  scenario: scenarioSchema,
  options: variantSolveOptionsSchema,
  /** Post the solve's progress (stage, incumbent, bounds) while it runs. */
  progress: z.boolean().optional(),
  testCrash: z.enum(VARIANT_TEST_CRASHES).optional(),
});
export type VariantJob = z.infer<typeof variantJobSchema>;

const violationSchema = z.strictObject({
  rule: z.enum(RULE_IDS),
  message: z.string(),
  sections: z.array(z.string()).optional(),
  students: z.array(z.string()).optional(),
  teachers: z.array(z.string()).optional(),
  slots: z.array(z.string()).optional(),
});

/** The engine's infeasibility diagnosis (src/engine/infeasibility.ts). */
const diagnosisSchema = z.strictObject({
  feasible: z.boolean(),
  groups: z.array(z.strictObject({ rule: z.enum(RULE_IDS), args: z.record(z.string(), z.string()), label: z.string(), fixes: z.array(z.string()) })),
  summary: z.string(),
  minimal: z.boolean(),
});

/** The engine's {@link SolveOutcome} as it arrives from a worker. */
export const solveOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('scheduled'),
    // The engine always fills the report.
    solution: solutionSchema.extend({ report: reportSchema }),
    check: z.strictObject({ valid: z.boolean(), violations: z.array(violationSchema), figures: figuresSchema }),
  }),
  z.strictObject({ status: z.literal('infeasible'), rules: z.array(z.string()), diagnosis: diagnosisSchema, solver: solverFiguresSchema }),
  z.strictObject({ status: z.literal('no-schedule'), message: z.string(), solver: solverFiguresSchema }),
]);

/** The engine's {@link SolveProgress} as it crosses a thread or a queue (fields beyond these are dropped, not refused: progress is information only). */
export const solveProgressSchema = z.object({
  stage: z.string(),
  seconds: z.number().nonnegative(),
  incumbent: z.number().nullable(),
  placementBound: z.number().nullable().optional(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
});

/** Variant worker → main thread: the outcome of a job, or why its solve threw; progress while it runs, when asked. */
export const variantReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('outcome'), jobId: z.number().int().nonnegative(), outcome: solveOutcomeSchema }),
  z.strictObject({ type: z.literal('progress'), jobId: z.number().int().nonnegative(), progress: solveProgressSchema }),
  z.strictObject({ type: z.literal('error'), jobId: z.number().int().nonnegative(), message: z.string() }),
]);
/**
 * A reply as the worker writes it and the pool reads it. The outcome is the engine's own type:
 * zod infers optional fields as `T | undefined`, which exactOptionalPropertyTypes keeps apart from
 * an absent field, though the values that pass the schema are the same.
 */
export type VariantReply =
  | { readonly type: 'outcome'; readonly jobId: number; readonly outcome: SolveOutcome }
  | { readonly type: 'progress'; readonly jobId: number; readonly progress: SolveProgress }
  | { readonly type: 'error'; readonly jobId: number; readonly message: string };

/** Reads a reply from a variant worker; a message that fails the schema is an error reply. */
export function readVariantReply(raw: unknown): VariantReply | { readonly type: 'invalid'; readonly message: string } {
  const parsed = variantReplySchema.safeParse(raw);
  if (!parsed.success)
    return {
      type: 'invalid',
      message: parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .slice(0, 3)
        .join('; '),
    };
  return parsed.data as VariantReply;
}

/** The engine's options for a job's options, leaving out the fields not given. */
export function solveOptionsOf(options: VariantSolveOptions): SolveOptions {
  return {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.solver !== undefined ? { solver: options.solver } : {}),
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    ...(options.start !== undefined ? { start: options.start } : {}),
  };
}

/**
 * How the CLI ends: exit codes follow the outcome, and no error reaches the user as a stack trace.
 */
import { InputError } from '../scenario/problems.js';

/**
 * Exit codes. 1 is an outcome the user must act on (rules broken, no schedule, a what-if or batch
 * row without a result, a queue that did not answer); 3 is kept for bugs only (issue 12).
 */
export const EXIT = { ok: 0, rulesBroken: 1, noSchedule: 1, incomplete: 1, badInput: 2, internal: 3, interrupted: 130 } as const;

/** Prints an error for a person and returns the exit code for it. */
export function reportError(err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(`${err.message}\n`);
    return EXIT.badInput;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`pathway-scheduler: internal error: ${message}\n(set PATHWAY_SCHEDULER_DEBUG=1 for details, and please report it)\n`);
  if (process.env['PATHWAY_SCHEDULER_DEBUG'] && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return EXIT.internal;
}

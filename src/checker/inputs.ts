/**
 * The checker's boundary: what a caller passes is validated with the scenario and solution
 * schemas (the only code the checker shares) before any rule runs, so a wrong value is an
 * {@link InputError} with paths, never a TypeError from inside a rule.
 */
import { scenarioSchema, type Scenario } from '../scenario/schema.js';
import { scheduleSchema } from '../solution/schema.js';
import { InputError, problemsFromZod } from '../scenario/problems.js';
import { isValidated } from '../scenario/validated.js';
import type { Schedule } from './violation.js';

/** @throws {@link InputError} naming `<scenario>` or `<schedule>` and every problem. */
export function checkerInputs(scenario: unknown, schedule: unknown): { scenario: Scenario; schedule: Schedule } {
  const s = isValidated(scenario) ? { success: true as const, data: scenario as Scenario } : scenarioSchema.safeParse(scenario);
  const k = scheduleSchema.safeParse(schedule);
  if (s.success && k.success) return { scenario: s.data, schedule: k.data };
  const errors: InputError[] = [];
  if (!s.success) errors.push(new InputError('<scenario>', problemsFromZod(s.error)));
  if (!k.success)
    errors.push(new InputError('<schedule>', problemsFromZod(k.error, 'give the sections and enrollments of a solution (SCENARIO.md, "The solution file")')));
  throw InputError.merge(errors);
}

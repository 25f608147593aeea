/**
 * Reading a scenario: JSON text or object → validated {@link Scenario}, with every schema,
 * size, cross-reference and impossible-data problem reported at once.
 */
import type { z } from 'zod';
import { SCENARIO_FORMAT, scenarioSchema, type Scenario } from './schema.js';
import { crossReferenceProblems } from './references.js';
import { sizeProblems } from './limits.js';
import { impossibleDataProblems } from './impossible.js';
import { InputError, otherDocument, problemsFromZod, type InputProblem } from './problems.js';
import { parseJsonText, readTextFile } from './text-input.js';
import { isValidated, markValidated } from './validated.js';

export { parseJsonText, readTextFile };

/** Converts zod issues to problems with paths and fixes. */
export function zodProblems(error: z.ZodError): InputProblem[] {
  return problemsFromZod(error);
}

/**
 * The problems of a scenario that passed its schema: sizes first (the other checks would run on
 * absurd sizes), then ids and references, then data no schedule can honour.
 */
export function scenarioProblems(s: Scenario): InputProblem[] {
  const sizes = sizeProblems(s);
  if (sizes.length > 0) return sizes;
  const references = crossReferenceProblems(s);
  return references.length > 0 ? references : impossibleDataProblems(s);
}

/**
 * Validates a scenario given as a JS value (for example `JSON.parse` output).
 * @param source - names the input in error messages (a file name, or `<input>`).
 * @returns a new object with defaults filled in; records (`alternates`, `priorities`,
 *   `cohortCourses`) are null-prototype objects, so any id works as a key.
 * @throws {@link InputError} listing every schema, size, reference and impossible-data problem.
 */
export function parseScenario(input: unknown, source = '<input>'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw otherDocument(input, SCENARIO_FORMAT, source) ?? new InputError(source, problemsFromZod(result.error));
  const problems = scenarioProblems(result.data);
  if (problems.length > 0) throw new InputError(source, problems);
  markValidated(result.data);
  return result.data;
}

/**
 * The scenario a library function was given, validated unless {@link parseScenario} produced it
 * (parse again after changing a parsed scenario).
 * @throws {@link InputError} naming `name` and every problem.
 */
export function requireScenario(value: unknown, name = 'scenario'): Scenario {
  if (isValidated(value)) return value as Scenario;
  return parseScenario(value, `<${name}>`);
}

/** Reads and validates a scenario file. @throws {@link InputError} */
export function readScenarioFile(file: string): Scenario {
  return parseScenario(parseJsonText(readTextFile(file), file), file);
}

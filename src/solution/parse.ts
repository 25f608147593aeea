/** Reading a solution file: JSON text or object → validated {@link Solution}. */
import { parseJsonText, readTextFile, zodProblems } from '../scenario/parse.js';
import { InputError } from '../scenario/problems.js';
import { solutionSchema, type Solution } from './schema.js';

/**
 * Validates a solution given as a JS value (for example `JSON.parse` output).
 * @param source - names the input in error messages (a file name, or `<input>`).
 * @throws {@link InputError} naming the JSON path of every problem.
 */
export function parseSolution(value: unknown, source = '<input>'): Solution {
  const result = solutionSchema.safeParse(value);
  if (!result.success) throw new InputError(source, zodProblems(result.error));
  return result.data;
}

/** Reads and validates a solution file. @throws {@link InputError} */
export function readSolutionFile(file: string): Solution {
  return parseSolution(parseJsonText(readTextFile(file), file), file);
}

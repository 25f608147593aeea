/**
 * Reading a scenario: JSON text or object → validated {@link Scenario}, with every schema and
 * cross-reference problem reported at once.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { crossReferenceProblems } from './references.js';
import { InputError, formatPath, type InputProblem } from './problems.js';

/** Converts zod issues to problems with paths and fixes. */
export function zodProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    let fix: string | undefined;
    if (issue.code === 'unrecognized_keys') fix = `remove or correct ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (issue.code === 'invalid_type') fix = `give ${path || 'the value'} as ${issue.expected}`;
    else if (issue.code === 'invalid_value') fix = `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (issue.code === 'too_small' || issue.code === 'too_big') fix = 'change the value to fit the limit';
    return fix ? { path, message: issue.message, fix } : { path, message: issue.message };
  });
}

/**
 * Validates a scenario given as a JS value (for example `JSON.parse` output).
 * @param source - names the input in error messages (a file name, or `<input>`).
 * @throws {@link InputError} listing every schema and cross-reference problem.
 */
export function parseScenario(input: unknown, source = '<input>'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new InputError(source, zodProblems(result.error));
  const problems = crossReferenceProblems(result.data);
  if (problems.length > 0) throw new InputError(source, problems);
  return result.data;
}

/** Parses JSON text, naming the line and column of a syntax error. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputError(source, [{ path: '', message: `not valid JSON: ${message}`, fix: 'correct the JSON syntax (a JSON linter shows the spot)' }]);
  }
}

/** Reads a file as UTF-8, turning a missing or unreadable file into an {@link InputError}. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(err)})`;
    throw new InputError(file, [{ path: '', message, fix: 'check the path' }]);
  }
}

/** Reads and validates a scenario file. @throws {@link InputError} */
export function readScenarioFile(file: string): Scenario {
  return parseScenario(parseJsonText(readTextFile(file), file), file);
}

/**
 * yargs parses, zod validates: a bad option value becomes an InputError naming the option, its
 * allowed range and the fix, checked with the same schemas as the scenario's policy.
 */
import type { z } from 'zod';
import { InputError, problemsFromZod } from '../scenario/problems.js';

/** `timeLimit` → `--time-limit`. */
export const optionName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function validateArgs<T extends z.ZodType>(schema: T, argv: unknown): z.infer<T> {
  const result = schema.safeParse(argv);
  if (result.success) return result.data;
  const problems = problemsFromZod(result.error, 'see --help for the accepted values', (path) =>
    path.length === 0 ? '' : [optionName(String(path[0])), ...path.slice(1).map((k) => `[${String(k)}]`)].join(''),
  );
  throw new InputError('command line', problems);
}

/**
 * A yargs option whose value must be one of `values`. yargs only parses it; the command's zod
 * schema (a `z.enum` of the same values) rejects anything else through {@link validateArgs}, with
 * the option and the fix. (yargs's own `choices` check printed "Invalid values: … Choices: …"
 * with no fix, unlike every other bad option.) The values stay listed in `--help`.
 */
export function choiceOption(values: readonly string[], describe: string): { type: 'string'; describe: string } {
  return { type: 'string', describe: `${describe} [one of: ${values.join(', ')}]` };
}

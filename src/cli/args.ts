/**
 * yargs parses, zod validates: a bad option value becomes an InputError naming the option.
 */
import type { z } from 'zod';
import { InputError } from '../scenario/problems.js';

export function validateArgs<T extends z.ZodType>(schema: T, argv: unknown): z.infer<T> {
  const result = schema.safeParse(argv);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({
    path: i.path.map(String).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(' '),
    message: i.message,
    fix: 'see --help for the accepted values',
  }));
  throw new InputError('command line', problems);
}

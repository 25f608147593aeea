/**
 * Problems found in user input, each with the JSON path and the fix, gathered so that a user
 * sees every problem of a file at once. Shared by every reader: scenario and solution files,
 * option parsing, CSV/XLSX/SIS imports, JSON Patches and the library's entry points.
 */
import type { z } from 'zod';

/** One problem in an input file. */
export interface InputProblem {
  /** JSON path such as `students[12].requests[3]`; empty for the whole document. */
  readonly path: string;
  /** What is wrong, in the user's words. */
  readonly message: string;
  /** How to fix it. */
  readonly fix?: string;
}

/** Renders a zod-style path array as `students[12].requests[3]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Thrown when an input (a file, an option, or a value given to a library function) cannot be
 * used. The CLI prints {@link InputError.message} and exits with code 2; nothing is written.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The file (or `<input>`, `command line`, or a parameter name for a library call). */
    readonly source: string,
    readonly problems: readonly InputProblem[],
  ) {
    super(formatProblems(source, problems));
  }

  /**
   * One error for several inputs, so a user sees the problems of every file at once; each path
   * is prefixed with its file unless only one input had problems.
   */
  static merge(errors: readonly InputError[]): InputError {
    if (errors.length === 1) return errors[0]!;
    const sources = [...new Set(errors.map((e) => e.source))];
    return new InputError(
      sources.join(', '),
      // Options are named as typed (`-o`); a file's problems carry the file.
      errors.flatMap((e) => e.problems.map((p) => ({ ...p, path: e.source === 'command line' ? p.path : `${e.source}${p.path ? `, ${p.path}` : ''}` }))),
    );
  }
}

/** `file: N problems` followed by one `✖ message → at path` line (and its fix) per problem. */
export function formatProblems(source: string, problems: readonly InputProblem[]): string {
  const head = `${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const lines = problems.map((p) => {
    const at = p.path ? ` → at ${p.path}` : '';
    const fix = p.fix ? `\n    fix: ${p.fix}` : '';
    return `✖ ${p.message}${at}${fix}`;
  });
  return [head, ...lines].join('\n');
}

/**
 * Runs every check and throws one {@link InputError} holding the problems of all that failed
 * (other errors pass through): a user fixes everything in one round.
 * @returns the checks' results, in order.
 */
export function gather<T extends readonly unknown[]>(...checks: { [K in keyof T]: () => T[K] }): T {
  const errors: InputError[] = [];
  const results = checks.map((check) => {
    try {
      return check();
    } catch (err: unknown) {
      if (err instanceof InputError) errors.push(err);
      else throw err;
      return undefined;
    }
  });
  if (errors.length > 0) throw InputError.merge(errors);
  return results as unknown as T;
}

/** The documents this tool reads, by their `format` field, in a person's words. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  'pathway-scheduler/scenario@1': 'a scenario (the school)',
  'pathway-scheduler/solution@1': 'a solution (a schedule written by solve)',
  'pathway-scheduler/model-map@1': 'a column map (the .map.json written by export --mps/--lp)',
  'pathway-scheduler/sis-mapping@1': 'an SIS column mapping (version 1)',
  'pathway-scheduler/sis-mapping@2': 'an SIS column mapping',
};

/**
 * When a file holds another of this tool's documents than the one expected (a scenario given as
 * the solution, say), the one problem to report instead of every field that differs.
 */
export function otherDocument(value: unknown, expected: string, source: string): InputError | null {
  const format = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined;
  if (typeof format !== 'string' || format === expected || !Object.hasOwn(DOCUMENTS, format)) return null;
  return new InputError(source, [
    {
      path: 'format',
      message: `this file is ${DOCUMENTS[format] ?? format}, not ${DOCUMENTS[expected] ?? expected}`,
      fix: `give ${DOCUMENTS[expected] ?? expected} here (are the files in the right order?)`,
    },
  ]);
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text (a string)',
  number: 'number',
  boolean: 'true or false',
  array: 'list [ … ]',
  object: 'object { … }',
  int: 'whole number',
};
const typeWord = (t: string) => TYPE_WORDS[t] ?? t;
const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

/**
 * Converts zod issues to problems: a message in plain words (zod's "Invalid input" names no
 * fix) and a fix for every kind of issue.
 * @param hint - added to fixes that depend on the format, e.g. "see SCENARIO.md".
 */
export function problemsFromZod(
  error: z.ZodError,
  hint = 'see SCENARIO.md for the accepted form',
  pathOf: (path: ReadonlyArray<PropertyKey>) => string = formatPath,
): InputProblem[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    const what = path || 'the value';
    const field = issue.path.at(-1);
    switch (issue.code) {
      case 'invalid_type': {
        const received = /received (\w+)/.exec(issue.message)?.[1];
        if (received === 'undefined') {
          return {
            path,
            message: `missing ${typeof field === 'string' ? `field "${field}"` : 'value'}`,
            fix: `add ${typeof field === 'string' ? `"${field}": ` : ''}${article(typeWord(issue.expected))}`,
          };
        }
        const found = received === 'NaN' ? ', found something that is not a number' : received ? `, found ${article(typeWord(received))}` : '';
        return { path, message: `expected ${article(typeWord(issue.expected))}${found}`, fix: `give ${what} as ${article(typeWord(issue.expected))}` };
      }
      case 'unrecognized_keys':
        return {
          path,
          message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
          fix: `remove or correct ${issue.keys.map((k) => `"${k}"`).join(', ')} (${hint})`,
        };
      case 'invalid_value':
        return {
          path,
          message: `not an accepted value`,
          fix: `use ${issue.values.length === 1 ? quote(issue.values[0]) : `one of ${issue.values.map(quote).join(', ')}`}`,
        };
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = String(small ? issue.minimum : issue.maximum);
        const inclusive = issue.inclusive !== false;
        const side = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
        const numeric = issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint';
        const unit = issue.origin === 'array' || issue.origin === 'set' ? ' items' : issue.origin === 'string' ? ' characters' : '';
        // A schema's own message (e.g. a limit named in school words) is kept.
        const own = !/^Too (small|big)/.test(issue.message);
        const message = own
          ? issue.message
          : numeric
            ? `too ${small ? 'small' : 'large'}: must be ${side} ${bound}`
            : `too ${small ? 'few' : 'many'}${unit}: ${side} ${bound} ${small ? 'needed' : 'allowed'}`;
        return { path, message, fix: `give ${what} ${side} ${bound}${unit}` };
      }
      case 'invalid_format':
        return {
          path,
          message: issue.message,
          fix: issue.format === 'regex' && issue.pattern ? `write ${what} to match ${issue.pattern} (${hint})` : `write ${what} as ${issue.format}`,
        };
      case 'not_multiple_of':
        return { path, message: issue.message, fix: `give a multiple of ${String(issue.divisor)}` };
      case 'invalid_union':
        return { path, message: 'not any of the accepted forms', fix: `give ${what} in one of the accepted forms (${hint})` };
      case 'invalid_key':
        return {
          path,
          message: `bad key${typeof field === 'string' ? ` "${field}"` : ''}: ${issue.issues.map((i) => i.message).join('; ')}`,
          fix: `correct or remove the key (${hint})`,
        };
      case 'invalid_element':
        return { path, message: issue.message, fix: hint };
      case 'custom': {
        const fix = (issue.params as { fix?: unknown } | undefined)?.fix;
        return { path, message: issue.message, fix: typeof fix === 'string' ? fix : hint };
      }
      default:
        return { path, message: (issue as { message: string }).message, fix: hint };
    }
  });
}

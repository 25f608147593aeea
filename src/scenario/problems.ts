/**
 * Problems found in user input, each with the JSON path and the fix, gathered so that a user
 * sees every problem of a file at once.
 */

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
 * Thrown when an input file (scenario, solution, patch, import source) cannot be used.
 * The CLI prints {@link InputError.message} and exits with code 2; nothing is written.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The file (or `<input>` for an object passed to the library). */
    readonly source: string,
    readonly problems: readonly InputProblem[],
  ) {
    super(formatProblems(source, problems));
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

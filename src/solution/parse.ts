/** Reading a solution file: JSON text or object → validated {@link Solution}. */
import { parseJsonText, readTextFile, requireScenario } from '../scenario/parse.js';
import { gather, InputError, otherDocument, problemsFromZod } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { scheduleSchema, SOLUTION_FORMAT, solutionSchema, type Solution } from './schema.js';

/**
 * Validates a solution given as a JS value (for example `JSON.parse` output).
 * @param source - names the input in error messages (a file name, or `<input>`).
 * @throws {@link InputError} naming the JSON path of every problem.
 */
export function parseSolution(value: unknown, source = '<input>'): Solution {
  const result = solutionSchema.safeParse(value);
  if (!result.success)
    throw otherDocument(value, SOLUTION_FORMAT, source) ?? new InputError(source, problemsFromZod(result.error, 'see SCENARIO.md, "The solution file"'));
  return result.data;
}

/** Reads and validates a solution file. @throws {@link InputError} */
export function readSolutionFile(file: string): Solution {
  return parseSolution(parseJsonText(readTextFile(file), file), file);
}

/**
 * The solution a library function was given, validated.
 * @throws {@link InputError} naming `name` and every problem.
 */
export function requireSolution(value: unknown, name = 'solution'): Solution {
  return parseSolution(value, `<${name}>`);
}

/**
 * The schedule (sections and enrollments) a library function was given, validated; other
 * fields are left out. @throws {@link InputError} naming `name` and every problem.
 */
export function requireSchedule(value: unknown, name = 'solution'): { sections: Solution['sections']; enrollments: Solution['enrollments'] } {
  const result = scheduleSchema.safeParse(value);
  if (!result.success)
    throw new InputError(`<${name}>`, problemsFromZod(result.error, 'give the sections and enrollments of a solution (SCENARIO.md, "The solution file")'));
  return result.data;
}

/** A scenario and a schedule given to a library function, both validated (every problem of both at once). @throws {@link InputError} */
export function requireScenarioAndSchedule(scenario: unknown, schedule: unknown): [Scenario, ReturnType<typeof requireSchedule>] {
  return gather(
    () => requireScenario(scenario),
    () => requireSchedule(schedule),
  );
}

/** A scenario and a whole solution given to a library function, both validated. @throws {@link InputError} */
export function requireScenarioAndSolution(scenario: unknown, solution: unknown): [Scenario, Solution] {
  return gather(
    () => requireScenario(scenario),
    () => requireSolution(solution),
  );
}

/**
 * Whether a solution belongs to another school than the scenario it is given with: its
 * recorded scenario name differs and it names sections' courses, teachers, rooms or students
 * that the scenario lacks.
 * @returns the error to throw (naming both schools), a note when only the names differ, or null.
 */
export function otherSchool(
  scenario: Scenario,
  solution: Solution,
  files: { scenario: string; solution: string },
): { error: InputError } | { note: string } | null {
  if (solution.scenario === scenario.name) return null;
  const courses = new Set(scenario.courses.map((c) => c.id));
  const teachers = new Set(scenario.teachers.map((t) => t.id));
  const rooms = new Set(scenario.rooms.map((r) => r.id));
  const students = new Set(scenario.students.map((s) => s.id));
  const strange = solution.sections.filter((s) => !courses.has(s.course) || !teachers.has(s.teacher) || !rooms.has(s.room)).length;
  const strangers = Object.keys(solution.enrollments).filter((id) => !students.has(id)).length;
  const recorded = `"${solution.scenario}"`;
  if (strange === 0 && strangers === 0)
    return {
      note: `${files.solution} was made for the scenario named ${recorded}; ${files.scenario} is named "${scenario.name}" (its ids all match, so it is checked)`,
    };
  const what = [
    strange > 0 ? `${strange} of ${solution.sections.length} sections name courses, teachers or rooms it lacks` : '',
    strangers > 0 ? `${strangers} of ${Object.keys(solution.enrollments).length} enrolled students are not among its students` : '',
  ]
    .filter(Boolean)
    .join(', and ');
  return {
    error: new InputError(files.solution, [
      {
        path: 'scenario',
        message: `this solution was made for another school: ${recorded}, not "${scenario.name}" (${files.scenario}): ${what}`,
        fix: `give the scenario named ${recorded} with it, or solve ${files.scenario} for its own solution`,
      },
    ]),
  };
}

/**
 * Reading scenarios: schema errors and cross-reference problems, all reported at once with the
 * JSON path and the fix.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, parseJsonText } from '../../src/scenario/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';

const tiny = (): ScenarioInput => JSON.parse(readFileSync(new URL('../../fixtures/tiny-ab.json', import.meta.url), 'utf8')) as ScenarioInput;

function problemsOf(input: unknown): string {
  try {
    parseScenario(input, 'school.json');
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  return 'no problems';
}

describe('parseScenario', () => {
  it('accepts the bundled fixtures and fills policy defaults', () => {
    const s = parseScenario(tiny());
    expect(s.policy).toEqual({ strategy: 'cte-first', agRule: 'on-track', timeLimitSeconds: 60, mipGap: 0, seed: 1, solver: 'highs', gradeRule: 'strict' });
    expect(s.locks).toEqual([]);
  });

  it('names the JSON path of schema errors, and rejects unknown top-level fields', () => {
    const s = tiny() as Record<string, unknown>;
    s['colour'] = 'blue';
    (s['students'] as Array<Record<string, unknown>>)[12]!['grade'] = 13;
    expect(problemsOf(s)).toMatchInlineSnapshot(`
      "school.json: 2 problems
      ✖ too large: must be at most 12 → at students[12].grade
          fix: give students[12].grade at most 12
      ✖ unknown field "colour"
          fix: remove or correct "colour" (see SCENARIO.md for the accepted form)"
    `);
  });

  it('reports every cross-reference problem at once', () => {
    const s = tiny();
    s.students[3]!.requests.push('NOPE');
    s.students.push({ ...s.students[0]!, requests: [...s.students[0]!.requests] });
    s.teachers[0]!.unavailable = ['Z.9'];
    s.rooms = s.rooms.filter((r) => r.type !== 'health-lab');
    s.courses.push({
      id: 'ORPHAN',
      name: 'Orphan course',
      grades: [9],
      capacity: 30,
      roomType: 'general',
      meets: { periods: 2, days: 'one', terms: 'all' },
      allowedPeriods: ['1', '3'],
    });
    const member = s.students.find((st) => st.pathway) ?? expect.unreachable('the school has no pathway student');
    const cohortCourse = s.pathways[0]!.cohortCourses[String(member.grade)]![0]!;
    member.requests = member.requests.filter((c) => c !== cohortCourse);
    const text = problemsOf(s);
    expect(text).toMatch(/unknown course "NOPE" → at students\[3\]\.requests\[\d+\]/);
    expect(text).toMatch(/duplicate student id "S\d+" \(first at students\[0\]\)/);
    expect(text).toMatch(/bad slot name "Z\.9" → at teachers\[0\]\.unavailable\[0\]/);
    expect(text).toMatch(/no room has type "health-lab"/);
    expect(text).toMatch(/no teacher can teach course "ORPHAN"/);
    expect(text).toMatch(/the calendar cannot hold course "ORPHAN": a double period needs two consecutive allowed periods/);
    expect(text).toMatch(new RegExp(`did not request cohort course "${cohortCourse}"`));
    expect(text.split('\n').filter((l) => l.startsWith('✖')).length).toBeGreaterThanOrEqual(7);
  });

  it('names the file and position of malformed JSON', () => {
    expect(() => parseJsonText('{"format": ', 'broken.json')).toThrow(/broken\.json: 1 problem\n✖ not valid JSON/);
  });
});

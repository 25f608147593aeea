import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSolution, readSolutionFile } from '../../src/solution/parse.js';
import { InputError } from '../../src/scenario/problems.js';
import { handSchedule } from '../helpers/hand-school.js';

const bare = () => ({ format: 'pathway-scheduler/solution@1', scenario: 'Hand School', ...handSchedule() });

describe('parseSolution', () => {
  it('accepts a bare schedule without a report', () => {
    expect(parseSolution(bare()).sections).toHaveLength(4);
  });

  it('names the JSON path of every problem', () => {
    const value = { ...bare(), sections: [{ id: 'X-1', course: 'X', teacher: 'T1', room: 'R1', slots: [] }], extra: 1 };
    let error: unknown;
    try {
      parseSolution(value, 'solution.json');
    } catch (err: unknown) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatchInlineSnapshot(`
      "solution.json: 2 problems
      ✖ too few items: at least 1 needed → at sections[0].slots
          fix: give sections[0].slots at least 1 items
      ✖ unknown field "extra"
          fix: remove or correct "extra" (see SCENARIO.md, "The solution file")"
    `);
  });

  it('reads a file, and reports bad JSON and a missing file as input errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'checker-parse-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify(bare()));
      expect(readSolutionFile(good).enrollments['S3']).toEqual(['ENG10-2', 'BIO-1']);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "format": ');
      expect(() => readSolutionFile(broken)).toThrow(InputError);
      expect(() => readSolutionFile(join(dir, 'missing.json'))).toThrow(/file not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/scenario/parse.js';
import { FIXTURES, KEPT_FIXTURES, formatScenarioJson, generateScenario } from '../../src/generate/index.js';

describe('bundled fixtures', () => {
  for (const { file, options } of FIXTURES) {
    it(`${file} parses and matches the generator for its recorded options`, () => {
      const parsed = readScenarioFile(file);
      expect(parsed.students.length).toBeGreaterThan(0);
      expect(readFileSync(file, 'utf8')).toBe(formatScenarioJson(generateScenario(options)));
    });
  }

  for (const { file } of KEPT_FIXTURES) {
    it(`${file} (made by an earlier generator, kept as it is) still parses under the strict grade rule`, () => {
      const parsed = readScenarioFile(file);
      expect(parsed.policy.gradeRule).toBe('strict');
      expect(parsed.students.length).toBeGreaterThan(0);
    });
  }

  it('formats JSON that reads back to the same value', () => {
    const value = { a: [1, 2, 3], b: { c: 'x', d: [{ e: null }] }, long: Array.from({ length: 40 }, (_, i) => `S${i}`) };
    expect(JSON.parse(formatScenarioJson(value))).toEqual(value);
  });
});

/**
 * docs/format.md, the scenario and solution formats as a reader outside the repository sees them:
 * its field tables are the engine's zod schemas (scripts/format-doc.ts), every field has a
 * meaning and no meaning names a field the schemas lack, and its examples are read by the engine
 * (the solution's by the checker).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, fieldTables, regenerated } from '../../scripts/format-doc.js';
import { FIELD_NOTES } from '../../scripts/format-notes.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { solutionSchema } from '../../src/solution/schema.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { parseSolution } from '../../src/solution/parse.js';
import { check } from '../../src/checker/index.js';

const text = readFileSync(DOC, 'utf8');

describe('docs/format.md', () => {
  it('has the field tables the zod schemas give (UPDATE_DOCS=1 rewrites them: npx tsx scripts/format-doc.ts)', () => {
    const fresh = regenerated(text);
    if (process.env['UPDATE_DOCS'] === '1' && fresh !== text) writeFileSync(DOC, fresh);
    expect(text).toBe(fresh);
  });

  it('says what every field of both formats means, and names no field the schemas lack', () => {
    const paths = [
      ...fieldTables(scenarioSchema, 'scenario').flatMap((t) => t.rows.map((r) => `scenario.${r.path}`)),
      ...fieldTables(solutionSchema, 'solution').flatMap((t) => t.rows.map((r) => `solution.${r.path}`)),
    ];
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !FIELD_NOTES[p])).toEqual([]);
    expect(Object.keys(FIELD_NOTES).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it('shows examples the engine reads, and a schedule the checker accepts', () => {
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);
    expect(blocks).toHaveLength(2);
    const scenario = parseScenario(blocks[0], 'docs/format.md');
    const solution = parseSolution(blocks[1], 'docs/format.md');
    expect(solution.scenario).toBe(scenario.name);
    expect(check(scenario, solution).violations).toEqual([]);
  });
});

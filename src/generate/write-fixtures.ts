/**
 * Regenerates the bundled fixtures: `npx tsx src/generate/write-fixtures.ts`.
 * Each file is checked with parseScenario before it is written.
 */
import { writeFileSync } from 'node:fs';
import { parseScenario } from '../scenario/parse.js';
import { FIXTURES } from './fixtures.js';
import { formatScenarioJson } from './format-json.js';
import { generateScenario } from './scenario.js';

for (const { file, options } of FIXTURES) {
  const scenario = generateScenario(options);
  parseScenario(scenario, file);
  writeFileSync(file, formatScenarioJson(scenario));
  console.log(`${file}: ${scenario.students.length} students, ${scenario.teachers.length} teachers, ${scenario.courses.length} courses`);
}

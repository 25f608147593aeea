/**
 * The seeded synthetic-school generator: realistic California high schools with CTE pathways,
 * for demos, tests, benchmarks and what-if examples.
 */
export { generateScenario } from './scenario.js';
export { generateOptionsSchema, GENERATED_CALENDARS, type GenerateOptions, type GeneratedCalendar } from './options.js';
export { expectedSections } from './demand.js';
export { formatScenarioJson } from './format-json.js';
export { FIXTURES, KEPT_FIXTURES, type FixtureSpec, type KeptFixture } from './fixtures.js';
export { Random } from './random.js';

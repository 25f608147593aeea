/**
 * The schools the benchmarks run on: the four sizes of issue 4, generated, and the bundled
 * fixtures. Each has the time limit the engine gets on it.
 */
import { readFileSync } from 'node:fs';
import { generateScenario } from '../src/generate/index.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import type { GenerateOptions } from '../src/generate/options.js';

/** A benchmark school: generated from options, or read from a scenario file (exactly one of the two). */
export type School = {
  readonly id: string;
  readonly label: string;
  /** Engine time limit, seconds (the target time). */
  readonly limit: number;
} & ({ readonly generate: GenerateOptions; readonly file?: never } | { readonly file: string; readonly generate?: never });

/** Seed of every generated school. */
export const SCHOOL_SEED = 1;

export const SCHOOLS: readonly School[] = [
  { id: 'S', label: 'S: 300 students, A/B 8-block, 2 pathways', limit: 10, generate: { students: 300, calendar: 'ab8', pathways: 2, seed: SCHOOL_SEED } },
  {
    id: 'M',
    label: 'M: 1,200 students, 7-period with double labs, 4 pathways',
    limit: 40,
    generate: { students: 1200, calendar: 'trad7', pathways: 4, seed: SCHOOL_SEED },
  },
  { id: 'L', label: 'L: 2,500 students, A/B 8-block, 6 pathways', limit: 120, generate: { students: 2500, calendar: 'ab8', pathways: 6, seed: SCHOOL_SEED } },
  {
    id: 'XL',
    label: 'XL: 3,500 students, 8-period with double labs, 8 pathways',
    limit: 300,
    generate: { students: 3500, calendar: 'trad8', pathways: 8, seed: SCHOOL_SEED },
  },
  { id: 'harbor', label: 'fixtures/harbor-ab-700.json (the default school, npm start)', limit: 35, file: 'fixtures/harbor-ab-700.json' },
  { id: 'tiny', label: 'fixtures/tiny-ab.json (30 students)', limit: 10, file: 'fixtures/tiny-ab.json' },
  { id: 'valley', label: 'fixtures/valley-ab-150.json', limit: 30, file: 'fixtures/valley-ab-150.json' },
  { id: 'sierra', label: 'fixtures/sierra-4x4-400.json', limit: 30, file: 'fixtures/sierra-4x4-400.json' },
  { id: 'mesa', label: 'fixtures/mesa-7p-600.json', limit: 30, file: 'fixtures/mesa-7p-600.json' },
];

/** Time limit of every point of the scaling curve, seconds. */
export const CURVE_LIMIT = 30;

/** Schools of the scaling curve: A/B 8-block, pathways growing with the school. */
export const CURVE: readonly School[] = [300, 600, 1200, 1800, 2500, 3500].map((students) => ({
  id: `curve-${students}`,
  label: `${students} students, A/B 8-block`,
  limit: CURVE_LIMIT,
  generate: { students, calendar: 'ab8', pathways: Math.min(8, Math.max(2, Math.round(students / 450))), seed: SCHOOL_SEED },
}));

export function schoolById(id: string): School {
  const s = [...SCHOOLS, ...CURVE].find((x) => x.id === id);
  if (!s) throw new Error(`unknown school ${id}`);
  return s;
}

export function loadSchool(school: School, root: string): Scenario {
  if (school.generate) return parseScenario(generateScenario(school.generate));
  return parseScenario(JSON.parse(readFileSync(`${root}/${school.file}`, 'utf8')));
}

/**
 * The bundled example schools. {@link FIXTURES} are made by the generator from the options
 * recorded here, so that a test can regenerate each file and prove it has not drifted.
 * {@link KEPT_FIXTURES} were made by an earlier generator and are kept byte for byte, because
 * tests, benchmarks and the reference figures measure them (see the README, "Bundled schools").
 */
import type { GenerateOptions } from './options.js';

export interface FixtureSpec {
  /** Path from the package root. */
  readonly file: string;
  readonly options: GenerateOptions;
}

export const FIXTURES: readonly FixtureSpec[] = [
  {
    file: 'fixtures/harbor-ab-700.json',
    options: { students: 700, calendar: 'ab8', pathways: 3, seed: 1, name: 'Harbor HS (synthetic), A/B 8-block, 700 students' },
  },
];

/** A bundled school made by an earlier generator, kept as it is. */
export interface KeptFixture {
  /** Path from the package root. */
  readonly file: string;
  /** The commit whose generator made it (`npx tsx src/generate/write-fixtures.ts` there). */
  readonly madeAt: string;
  /** What it is kept for. */
  readonly keptFor: string;
}

export const KEPT_FIXTURES: readonly KeptFixture[] = [
  {
    file: 'fixtures/valley-ab-150.json',
    madeAt: 'a41f758',
    keptFor: 'the what-if example of what too-small academies cost (fixtures/whatif/), the SIS examples (fixtures/sis/) and the reference figures',
  },
  { file: 'fixtures/mesa-7p-600.json', madeAt: 'a41f758', keptFor: 'tests and benchmarks that measure it (a 7-period day with double-period CTE labs)' },
  { file: 'fixtures/sierra-4x4-400.json', madeAt: 'a41f758', keptFor: 'tests and benchmarks that measure it (a 4x4 block)' },
  {
    file: 'fixtures/tiny-ab.json',
    madeAt: 'a41f758',
    keptFor: 'a test fixture small enough to solve to the proven optimum (fixtures/csv/tiny-ab/ is the same school as CSV)',
  },
];

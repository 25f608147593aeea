/**
 * The bundled example schools and the generator options that produce them, so that a test can
 * regenerate each file and prove it has not drifted.
 */
import type { GenerateOptions } from './options.js';

export interface FixtureSpec {
  /** Path from the package root. */
  readonly file: string;
  readonly options: GenerateOptions;
}

export const FIXTURES: readonly FixtureSpec[] = [
  {
    file: 'fixtures/valley-ab-150.json',
    options: { students: 150, calendar: 'ab8', pathways: 2, seed: 2027, name: 'Valley HS (synthetic), A/B 8-block, 150 students' },
  },
  {
    file: 'fixtures/mesa-7p-600.json',
    options: { students: 600, calendar: 'trad7', pathways: 4, seed: 7, name: 'Mesa HS (synthetic), 7-period day with double-period CTE labs, 600 students' },
  },
  {
    file: 'fixtures/sierra-4x4-400.json',
    options: { students: 400, calendar: '4x4', pathways: 3, seed: 44, name: 'Sierra HS (synthetic), 4x4 block, 400 students' },
  },
  {
    file: 'fixtures/tiny-ab.json',
    options: { students: 30, calendar: 'ab8', pathways: 1, seed: 1, name: 'Tiny HS (synthetic), A/B 8-block, 30 students' },
  },
];

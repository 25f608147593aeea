/** A–G on-track rule (SCENARIO.md "Pathways, cohorts, A–G"). */
import type { AgSubject } from '../scenario/schema.js';

/** Cumulative years required by the end of grades 9, 10, 11, 12. */
export const AG_MINIMUM: Readonly<Record<AgSubject, readonly [number, number, number, number]>> = {
  a: [0, 1, 2, 2],
  b: [1, 2, 3, 4],
  c: [1, 2, 3, 3],
  d: [0, 1, 2, 2],
  e: [0, 1, 2, 2],
  f: [0, 0, 1, 1],
  g: [0, 0, 0, 1],
};

/** Subject names as schools say them. */
export const AG_NAMES: Readonly<Record<AgSubject, string>> = {
  a: 'History/Social Science',
  b: 'English',
  c: 'Mathematics',
  d: 'Laboratory Science',
  e: 'Language other than English',
  f: 'Visual & Performing Arts',
  g: 'College-Preparatory Elective',
};

/** The cumulative minimum in subject k by the end of `grade` (9–12). */
export function agMinimum(subject: AgSubject, grade: number): number {
  return AG_MINIMUM[subject][Math.min(3, Math.max(0, grade - 9))] ?? 0;
}

/** One subject in which a student falls short. */
export interface AgShortfall {
  readonly subject: AgSubject;
  readonly years: number;
  readonly needed: number;
}

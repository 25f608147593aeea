/**
 * What the independent checker reports: each broken hard rule in school words, and the
 * figures recomputed from the schedule alone.
 */
import type { Figures } from '../solution/schema.js';

/** Names of the hard rules the checker verifies, one function each under `rules/`. */
export const RULES = [
  'unknown-id',
  'duplicate-id',
  'placement',
  'student-clash',
  'teacher-clash',
  'room-clash',
  'qualification',
  'unavailable',
  'max-sections',
  'room-type',
  'room-capacity',
  'course-capacity',
  'lock',
  'cohort-label',
  'cohort-exclusive',
  'cohort-together',
  'cohort-one-section',
  'cohort-size',
  'cohort-count',
  'not-requested',
  'duplicate-course',
  'one-section-per-course',
  'course-grade',
  'cpt',
  'prep',
] as const;
export type RuleName = (typeof RULES)[number];

/** One broken hard rule, naming the ids and slots involved. */
export interface Violation {
  readonly rule: RuleName;
  /** What is wrong, in school words. */
  readonly message: string;
  readonly sections?: string[];
  readonly students?: string[];
  readonly teachers?: string[];
  readonly slots?: string[];
}

/** The checker's verdict: `valid` is true exactly when no violation was found. */
export interface CheckResult {
  readonly valid: boolean;
  readonly violations: Violation[];
  readonly figures: Figures;
}

/** The part of a solution the checker reads. */
export interface Schedule {
  readonly sections: readonly import('../solution/schema.js').Section[];
  readonly enrollments: Readonly<Record<string, readonly string[]>>;
}

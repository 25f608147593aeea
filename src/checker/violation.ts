/**
 * What the independent checker reports: each broken hard rule in school words, and the
 * figures recomputed from the schedule alone.
 */
import type { Figures } from '../solution/schema.js';
import { RULE_IDS, type RuleId } from '../scenario/rules.js';

/**
 * The hard rules' ids: the rule catalogue's (src/scenario/rules.ts), shared with the model and the
 * infeasibility diagnosis. The checker verifies each rule whose entry names a `check`, one
 * function each under `rules/`.
 */
export const RULES = RULE_IDS;
export type RuleName = RuleId;

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

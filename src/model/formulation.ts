/**
 * The integer program for one school: variables and every rule as a named constraint family. Its
 * objective, a list of strict tiers per strategy, is src/model/objective.ts.
 */
import { ModelBuilder, type Expr } from './builder.js';
import type { Instance } from './instance.js';
import { variableSteps, type Vars } from './variables.js';
import { commonPlanning, maxSections, prep, teacherClash } from './constraints/teachers.js';
import { roomTypes } from './constraints/rooms.js';
import { locks, sectionCounts } from './constraints/sections.js';
import { cohorts } from './constraints/cohorts.js';
import { loading, placement } from './constraints/loading.js';

/** Every constraint family, in the order rows are added. */
export const CONSTRAINT_FAMILIES = [teacherClash, maxSections, prep, commonPlanning, roomTypes, sectionCounts, locks, cohorts, loading, placement] as const;

/** Quantities the engine follows during a solve; the objective itself is src/model/objective.ts. */
export interface ObjectiveTerms {
  /** Pathway students successfully placed. */
  readonly placed: Expr;
}

export interface Formulation {
  readonly inst: Instance;
  readonly builder: ModelBuilder;
  readonly vars: Vars;
  readonly terms: ObjectiveTerms;
}

export function formulate(inst: Instance): Formulation {
  const steps = formulationSteps(inst);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * {@link formulate} as steps: it yields after each group's columns and each constraint family,
 * so that a caller can keep the event loop (Ctrl-C, the time limit) alive on a large school.
 */
export function* formulationSteps(inst: Instance): Generator<string, Formulation> {
  const builder = new ModelBuilder();
  const vars = yield* variableSteps(builder, inst);
  for (const family of CONSTRAINT_FAMILIES) {
    family(builder, inst, vars);
    yield family.name;
  }
  return { inst, builder, vars, terms: objectiveTerms(vars) };
}

function objectiveTerms(vars: Vars): ObjectiveTerms {
  return { placed: vars.parts.flatMap((part) => (part.placed !== undefined ? [[part.placed, 1] as const] : [])) };
}

/** Value of an expression at a solution. */
export function evaluate(expr: Expr, values: readonly number[]): number {
  let v = 0;
  for (const [c, k] of expr) v += k * (values[c] ?? 0);
  return v;
}

/**
 * The integer program for one school: variables, every rule as a named constraint family, and
 * the objective terms the strategies combine lexicographically.
 */
import { ModelBuilder, type Expr } from './builder.js';
import type { Instance } from './instance.js';
import { createVariables, type Vars } from './variables.js';
import { commonPlanning, maxSections, prep, teacherClash } from './constraints/teachers.js';
import { roomTypes } from './constraints/rooms.js';
import { locks, sectionCounts } from './constraints/sections.js';
import { cohorts } from './constraints/cohorts.js';
import { loading, placement } from './constraints/loading.js';

/** Every constraint family, in the order rows are added. */
export const CONSTRAINT_FAMILIES = [teacherClash, maxSections, prep, commonPlanning, roomTypes, sectionCounts, locks, cohorts, loading, placement] as const;

export interface ObjectiveTerms {
  /** Pathway students successfully placed. */
  readonly placed: Expr;
  /** Weighted requests met, all students. */
  readonly requests: Expr;
  /** Weighted requests met by students in no pathway. */
  readonly nonPathwayRequests: Expr;
  /** Weighted requests met by pathway students. */
  readonly pathwayRequests: Expr;
}

export interface Formulation {
  readonly inst: Instance;
  readonly builder: ModelBuilder;
  readonly vars: Vars;
  readonly terms: ObjectiveTerms;
}

export function formulate(inst: Instance): Formulation {
  const builder = new ModelBuilder();
  const vars = createVariables(builder, inst);
  for (const family of CONSTRAINT_FAMILIES) family(builder, inst, vars);
  return { inst, builder, vars, terms: objectiveTerms(inst, vars) };
}

function objectiveTerms(inst: Instance, vars: Vars): ObjectiveTerms {
  const placed: Expr = [];
  const pathwayRequests: Expr = [];
  const nonPathwayRequests: Expr = [];
  for (const part of vars.parts) {
    const group = inst.groups[part.group]!;
    const target = group.pathway ? pathwayRequests : nonPathwayRequests;
    if (part.placed !== undefined) placed.push([part.placed, 1]);
    for (const t of part.takes) target.push([t.col, group.requests[t.request]!.weight]);
    if (part.member !== undefined) for (const r of group.requests) if (r.cohort) target.push([part.member, r.weight]);
  }
  return { placed, requests: [...pathwayRequests, ...nonPathwayRequests], nonPathwayRequests, pathwayRequests };
}

/** Value of an expression at a solution. */
export function evaluate(expr: Expr, values: readonly number[]): number {
  let v = 0;
  for (const [c, k] of expr) v += k * (values[c] ?? 0);
  return v;
}

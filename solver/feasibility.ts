/**
 * Checks a value vector against a {@link MipModel}: bounds, integrality and rows. Used to accept
 * solutions from solvers that may return fractional or slightly violated points, and by tests.
 */
import type { MipModel } from './mip.js';

export interface FeasibilityReport {
  readonly feasible: boolean;
  /** Integer/binary columns whose value is further than the tolerance from an integer. */
  readonly fractional: number;
  /** Largest bound or row violation. */
  readonly maxViolation: number;
  /** The first problem found, in model names, when not feasible. */
  readonly firstProblem?: string;
}

/** The objective of `values`, offset included. */
export function objectiveValue(model: MipModel, values: readonly number[]): number {
  let z = model.objOffset ?? 0;
  model.columns.forEach((c, j) => {
    z += c.obj * (values[j] ?? 0);
  });
  return z;
}

/**
 * Whether `values` satisfy every bound, integrality and row of the model within `tolerance`
 * (absolute, scaled by the row's magnitude for rows).
 */
export function checkFeasibility(model: MipModel, values: readonly number[], tolerance = 1e-6): FeasibilityReport {
  let fractional = 0;
  let maxViolation = 0;
  let firstProblem: string | undefined;
  // The problem is put in words only when it is the first: a check of a whole program (640,000
  // names on a 3,500-student school) built two messages per column and row, hundreds of MB of
  // strings for the collector.
  const isFirst = (violation: number): boolean => {
    if (violation > maxViolation) maxViolation = violation;
    return violation > tolerance && firstProblem === undefined;
  };
  if (values.length !== model.columns.length) {
    return { feasible: false, fractional: 0, maxViolation: Infinity, firstProblem: `expected ${model.columns.length} values, got ${values.length}` };
  }
  model.columns.forEach((c, j) => {
    const v = values[j] ?? NaN;
    if (!Number.isFinite(v)) {
      if (isFirst(Infinity)) firstProblem = `${c.name} is ${v}`;
      return;
    }
    if (isFirst(c.lb - v)) firstProblem = `${c.name} = ${v} below ${c.lb}`;
    if (isFirst(v - c.ub)) firstProblem = `${c.name} = ${v} above ${c.ub}`;
    if (c.kind !== 'continuous' && Math.abs(v - Math.round(v)) > tolerance) {
      fractional++;
      firstProblem ??= `${c.name} = ${v} is not integral`;
    }
  });
  for (const row of model.rows) {
    let activity = 0;
    let scale = 1;
    row.cols.forEach((col, k) => {
      const a = row.coefs[k] ?? 0;
      activity += a * (values[col] ?? 0);
      scale = Math.max(scale, Math.abs(a));
    });
    if (isFirst((row.lb - activity) / scale)) firstProblem = `${row.name}: ${activity} below ${row.lb}`;
    if (isFirst((activity - row.ub) / scale)) firstProblem = `${row.name}: ${activity} above ${row.ub}`;
  }
  const feasible = fractional === 0 && maxViolation <= tolerance;
  return firstProblem === undefined || feasible ? { feasible, fractional, maxViolation } : { feasible, fractional, maxViolation, firstProblem };
}

/** `values` with integer and binary columns rounded to the nearest integer. */
export function roundIntegers(model: MipModel, values: readonly number[]): number[] {
  return model.columns.map((c, j) => {
    const v = values[j] ?? 0;
    return c.kind === 'continuous' ? v : Math.round(v);
  });
}

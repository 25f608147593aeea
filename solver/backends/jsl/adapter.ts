/**
 * The javascript-lp-solver backend, for tiny models only: a dense pure-JS tableau with no bound,
 * a timeout that covers branch-and-bound only, and "feasible" answers that may be fractional.
 * Every answer is therefore checked here against the model before it is reported.
 */
import jslModule, { type Model as JslModel } from 'javascript-lp-solver';
import type { Backend, MipResult, MipSolveOptions, MipTermination } from '../../backend.js';
import { checkFeasibility, objectiveValue, roundIntegers } from '../../feasibility.js';
import type { MipModel } from '../../mip.js';
import { jsl as entry } from './index.js';

// Typed as CommonJS under NodeNext: the default import is the namespace in types, the solver at run time.
const solver = jslModule as unknown as (typeof jslModule)['default'];

const OBJECTIVE = '__objective';

function toJsl(model: MipModel, options: MipSolveOptions): JslModel {
  const constraints: JslModel['constraints'] = {};
  const variables: JslModel['variables'] = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  model.columns.forEach((c, j) => {
    const name = `c${j}`;
    variables[name] = { [OBJECTIVE]: c.obj };
    if (c.kind !== 'continuous') ints[name] = 1;
    const lb = c.kind === 'binary' ? Math.max(c.lb, 0) : c.lb;
    const ub = c.kind === 'binary' ? Math.min(c.ub, 1) : c.ub;
    // The solver's variables are non-negative unless unrestricted; other bounds become rows.
    if (lb < 0) unrestricted[name] = 1;
    const bound: { min?: number; max?: number } = {};
    if (lb !== 0 && lb !== -Infinity) bound.min = lb;
    if (ub !== Infinity) bound.max = ub;
    if (bound.min !== undefined || bound.max !== undefined) {
      constraints[`b${j}`] = bound;
      variables[name][`b${j}`] = 1;
    }
  });
  model.rows.forEach((r, i) => {
    if (r.lb === -Infinity && r.ub === Infinity) return;
    const name = `r${i}`;
    constraints[name] = r.lb === r.ub ? { equal: r.lb } : { ...(r.lb !== -Infinity ? { min: r.lb } : {}), ...(r.ub !== Infinity ? { max: r.ub } : {}) };
    r.cols.forEach((col, k) => {
      const v = variables[`c${col}`];
      if (v) v[name] = (v[name] ?? 0) + (r.coefs[k] ?? 0);
    });
  });
  return {
    optimize: OBJECTIVE,
    opType: model.sense,
    constraints,
    variables,
    ints,
    unrestricted,
    options: { timeout: Math.max(1, Math.round(options.timeLimitSeconds * 1000)), tolerance: options.mipGap },
  };
}

export const jslBackend: Backend = {
  // Plain JavaScript: nothing outlives a solve.
  poisoned: () => false,
  solve(model: MipModel, options: MipSolveOptions): Promise<MipResult> {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const base = { bound: null, gap: null, backend: entry.name } as const;
    let out: Record<string, unknown>;
    try {
      out = solver.Solve(toJsl(model, options)) as Record<string, unknown>;
    } catch (error) {
      return Promise.resolve({
        ...base,
        termination: 'error',
        values: null,
        objective: null,
        seconds: seconds(),
        message: `javascript-lp-solver failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    if (out.feasible !== true) return Promise.resolve({ ...base, termination: 'infeasible', values: null, objective: null, seconds: seconds() });
    if (out.bounded === false) return Promise.resolve({ ...base, termination: 'unbounded', values: null, objective: null, seconds: seconds() });
    const raw = model.columns.map((_, j) => {
      const v = out[`c${j}`];
      return typeof v === 'number' ? v : 0;
    });
    const timedOut = seconds() >= options.timeLimitSeconds;
    const proven: MipTermination = timedOut ? 'time-limit' : options.mipGap > 0 ? 'gap-reached' : 'optimal';
    const exact = checkFeasibility(model, raw);
    if (exact.feasible) return Promise.resolve({ ...base, termination: proven, values: raw, objective: objectiveValue(model, raw), seconds: seconds() });
    const rounded = roundIntegers(model, raw);
    const check = checkFeasibility(model, rounded);
    const why = `javascript-lp-solver reported a feasible solution with ${exact.fractional} fractional integer columns (${exact.firstProblem ?? 'violated rows'})`;
    if (check.feasible) {
      return Promise.resolve({
        ...base,
        termination: 'error',
        values: rounded,
        objective: objectiveValue(model, rounded),
        seconds: seconds(),
        message: `${why}; rounding gave a verified feasible solution, but its optimality is not proven`,
      });
    }
    return Promise.resolve({
      ...base,
      termination: 'error',
      values: null,
      objective: null,
      seconds: seconds(),
      message: `${why}; rounding does not give a feasible solution (${check.firstProblem ?? ''})`,
    });
  },
};

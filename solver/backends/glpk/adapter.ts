/**
 * The GLPK backend (glpk.js, GPL-3.0, optional): converts a {@link MipModel} to glpk.js JSON with
 * neutral names (`c<j>`, `r<i>`), solves with presolve on (with `presol: false` a MIP silently
 * returns z = 0), and reads the result back. GLPK reports no bound or gap.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { errorResult, type Backend, type MipResult, type MipSolveOptions, type MipTermination } from '../../backend.js';
import { objectiveValue } from '../../feasibility.js';
import type { MipModel } from '../../mip.js';
import { glpkRecentLog, glpkRuntime } from '../../../wasm/glpk.js';
import { glpk as entry } from './index.js';

function boundType(g: GLPK, lb: number, ub: number): { type: number; lb: number; ub: number } {
  const hasLb = lb !== -Infinity;
  const hasUb = ub !== Infinity;
  if (hasLb && hasUb) return { type: lb === ub ? g.GLP_FX : g.GLP_DB, lb, ub };
  if (hasLb) return { type: g.GLP_LO, lb, ub: 0 };
  if (hasUb) return { type: g.GLP_UP, lb: 0, ub };
  return { type: g.GLP_FR, lb: 0, ub: 0 };
}

function toLp(g: GLPK, model: MipModel, relax: boolean): LP {
  const binaries: string[] = [];
  const generals: string[] = [];
  const bounds = model.columns.map((c, j) => {
    const name = `c${j}`;
    const binary = c.kind === 'binary';
    if (!relax && c.kind !== 'continuous') (binary && c.lb <= 0 && c.ub >= 1 ? binaries : generals).push(name);
    return { name, ...boundType(g, binary ? Math.max(c.lb, 0) : c.lb, binary ? Math.min(c.ub, 1) : c.ub) };
  });
  return {
    name: 'mip',
    objective: {
      direction: model.sense === 'max' ? g.GLP_MAX : g.GLP_MIN,
      name: 'obj',
      vars: model.columns.map((c, j) => ({ name: `c${j}`, coef: c.obj })),
    },
    subjectTo: model.rows
      .filter((r) => r.lb !== -Infinity || r.ub !== Infinity)
      .map((r, i) => ({
        name: `r${i}`,
        vars: r.cols.map((col, k) => ({ name: `c${col}`, coef: r.coefs[k] ?? 0 })),
        bnds: boundType(g, r.lb, r.ub),
      })),
    bounds,
    binaries,
    generals,
  };
}

export const glpkBackend: Backend = {
  // Its runtime is not known to fail in a way that outlives a solve.
  poisoned: () => false,
  async solve(model: MipModel, options: MipSolveOptions): Promise<MipResult> {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const fail = (message: string): MipResult => errorResult(entry.name, message, seconds());
    let g: GLPK;
    try {
      g = await glpkRuntime();
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    try {
      const isMip = model.columns.some((c) => c.kind !== 'continuous');
      const glpkOptions = { presol: true, msglev: g.GLP_MSG_OFF, tmlim: options.timeLimitSeconds, mipgap: options.mipGap };
      const out = g.solve(toLp(g, model, false), glpkOptions).result;
      let termination: MipTermination;
      let note: string | undefined;
      switch (out.status) {
        case g.GLP_OPT:
          termination = 'optimal';
          break;
        case g.GLP_FEAS:
          termination = options.mipGap > 0 && seconds() < options.timeLimitSeconds ? 'gap-reached' : 'time-limit';
          break;
        case g.GLP_NOFEAS:
          termination = 'infeasible';
          break;
        case g.GLP_UNBND:
          termination = 'unbounded';
          break;
        case g.GLP_UNDEF: {
          // For a MIP this means the LP relaxation had no optimum; the relaxation says which way.
          // Without presolve the simplex tells an unbounded relaxation from an infeasible one.
          const relaxed = isMip ? g.solve(toLp(g, model, true), { ...glpkOptions, presol: false }).result.status : out.status;
          if (relaxed === g.GLP_UNBND) termination = 'unbounded';
          else if (relaxed === g.GLP_NOFEAS) termination = 'infeasible';
          else if (seconds() >= options.timeLimitSeconds) termination = 'time-limit';
          else {
            termination = 'error';
            note = `GLPK returned no solution (${glpkRecentLog().slice(-2).join(' | ') || 'status undefined'})`;
          }
          break;
        }
        default:
          termination = 'error';
          note = `GLPK returned status ${out.status}`;
      }
      const hasPoint = out.status === g.GLP_OPT || out.status === g.GLP_FEAS;
      const values = hasPoint ? model.columns.map((_, j) => out.vars[`c${j}`] ?? 0) : null;
      return {
        termination,
        values,
        objective: values ? objectiveValue(model, values) : null,
        bound: null,
        gap: null,
        seconds: seconds(),
        backend: entry.name,
        ...(note !== undefined ? { message: note } : {}),
      };
    } catch (error) {
      return fail(`GLPK failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
};

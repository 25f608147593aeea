/**
 * The CP-SAT backend: converts a {@link MipModel} to a CP-SAT model (one integer variable per
 * column, one linear constraint per row, the objective with CP-SAT's scaling for maximisation),
 * solves it with one search worker and a fixed seed, and reads the outcome back. A model CP-SAT
 * cannot state exactly (a continuous column, a fractional coefficient, an infinite column bound)
 * is refused with an `error` that says so, never rounded.
 */
import { errorResult, type Backend, type MipResult, type MipSolveOptions, type MipTermination } from '../../backend.js';
import { objectiveValue } from '../../feasibility.js';
import { modelSize, type MipModel } from '../../mip.js';
import { cpSatPoisoned, cpSatRuntime, poisonCpSat, type CpModel, type CpResponse } from '../../../wasm/cpsat.js';
import { isWasmFailure } from '../../../wasm/failure.js';
import { cpsat as entry } from './index.js';

/** Why CP-SAT cannot state this model exactly, or undefined when it can. */
export function integerProblem(model: MipModel): string | undefined {
  for (const c of model.columns) {
    if (c.kind === 'continuous') return `column ${c.name} is continuous`;
    if (!Number.isFinite(c.lb) || !Number.isFinite(c.ub)) return `column ${c.name} has an infinite bound`;
    if (!Number.isInteger(c.obj)) return `column ${c.name} has the fractional objective coefficient ${c.obj}`;
  }
  for (const r of model.rows) {
    const k = r.coefs.findIndex((a) => !Number.isInteger(a));
    if (k >= 0) return `row ${r.name} has the fractional coefficient ${r.coefs[k] ?? NaN}`;
  }
  return undefined;
}

function toProto(model: MipModel, options: MipSolveOptions): CpModel {
  const lo = (c: MipModel['columns'][number]) => (c.kind === 'binary' ? Math.max(0, Math.ceil(c.lb)) : Math.ceil(c.lb));
  const hi = (c: MipModel['columns'][number]) => (c.kind === 'binary' ? Math.min(1, Math.floor(c.ub)) : Math.floor(c.ub));
  const variables = model.columns.map((c) => ({ domain: [lo(c), hi(c)] }));
  const constraints = model.rows
    .filter((r) => r.lb !== -Infinity || r.ub !== Infinity)
    .map((r) => {
      // An open side is replaced by the row's activity range over the column bounds: CP-SAT
      // domains are finite, and an integral row's bounds round inwards exactly.
      let min = 0;
      let max = 0;
      r.cols.forEach((j, k) => {
        const a = r.coefs[k] ?? 0;
        const c = model.columns[j]!;
        min += a * (a > 0 ? lo(c) : hi(c));
        max += a * (a > 0 ? hi(c) : lo(c));
      });
      // A row no assignment can meet keeps a non-empty domain beyond reach, so CP-SAT says infeasible.
      const lb = r.lb === -Infinity ? Math.min(min, Math.floor(r.ub + 1e-9)) : Math.ceil(r.lb - 1e-9);
      const ub = r.ub === Infinity ? Math.max(max, lb) : Math.floor(r.ub + 1e-9);
      return { linear: { vars: [...r.cols], coeffs: [...r.coefs], domain: [lb, ub] } };
    });
  // CP-SAT minimises scalingFactor × (Σ coeffs·x + offset); maximising is minimising the negation.
  const sign = model.sense === 'max' ? -1 : 1;
  const terms = model.columns.flatMap((c, j) => (c.obj !== 0 ? [[j, c.obj] as const] : []));
  const objective = { vars: terms.map(([j]) => j), coeffs: terms.map(([, a]) => sign * a), offset: sign * (model.objOffset ?? 0), scalingFactor: sign };
  const start = options.start?.length === model.columns.length ? options.start : undefined;
  return {
    variables,
    constraints,
    objective,
    ...(start ? { solutionHint: { vars: start.map((_, j) => j), values: start.map((v) => Math.round(v)) } } : {}),
  };
}

function terminationOf(response: CpResponse | null, gap: number | null, mipGap: number): MipTermination {
  switch (response?.status) {
    case 'OPTIMAL':
    case 4:
      return mipGap > 0 && gap !== null && gap > 1e-9 ? 'gap-reached' : 'optimal';
    case 'INFEASIBLE':
    case 3:
      return 'infeasible';
    case 'FEASIBLE':
    case 2:
    case 'UNKNOWN':
    case 0:
      return 'time-limit';
    default:
      return 'error';
  }
}

export const cpSatBackend: Backend = {
  poisoned: () => cpSatPoisoned() !== undefined,
  async solve(model: MipModel, options: MipSolveOptions): Promise<MipResult> {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const fail = (message: string): MipResult => errorResult(entry.name, message, seconds());
    const problem = integerProblem(model);
    if (problem !== undefined) return fail(`CP-SAT solves integer programs with integral coefficients and finite bounds only: ${problem}`);
    try {
      const api = await cpSatRuntime();
      const bytes = await api.createModel(toProto(model, options));
      const { response } = await api.solve(bytes, {
        maxTimeInSeconds: Math.max(0.01, options.timeLimitSeconds - seconds()),
        relativeGapLimit: options.mipGap,
        randomSeed: options.seed,
        numSearchWorkers: 1,
      });
      const raw = response?.solution;
      const values = raw && raw.length === model.columns.length ? raw.map((v) => Number(v)) : null;
      const objective = values ? objectiveValue(model, values) : null;
      const bound = values || response?.status === 'OPTIMAL' ? (response?.bestObjectiveBound ?? null) : null;
      const gap = objective !== null && bound !== null ? Math.abs(bound - objective) / Math.max(1e-10, Math.abs(objective)) : null;
      const termination = terminationOf(response, gap, options.mipGap);
      if (termination === 'error') {
        const why = (await api.validate(bytes)).message || `status ${String(response?.status)}`;
        return fail(`CP-SAT could not solve the model: ${why}`);
      }
      return {
        termination,
        values: termination === 'infeasible' ? null : values,
        objective: termination === 'infeasible' ? null : objective,
        bound,
        gap,
        seconds: seconds(),
        backend: entry.name,
      };
    } catch (error) {
      const size = modelSize(model);
      const detail = error instanceof Error ? error.message : String(error);
      if (!isWasmFailure(error)) return fail(`CP-SAT failed: ${detail}`);
      const message = `CP-SAT aborted inside WebAssembly on a model with ${size.columns} columns / ${size.nonzeros} nonzeros: ${detail}; the solver runtime was discarded`;
      poisonCpSat(message);
      return fail(message);
    }
  },
};

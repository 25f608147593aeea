/**
 * The HiGHS backend: converts a {@link MipModel} to HiGHS's sparse model data, solves it with the
 * persistent API (callbacks stream incumbents and progress, `mipInterrupt` polls the stop flag,
 * `setSolution` passes a MIP start) and reads the outcome back.
 */
import type { Highs, HighsCallbackMap, ModelData, ModelStatusCode } from 'highs';
import { errorResult, type Backend, type MipResult, type MipSolveHooks, type MipSolveOptions, type MipTermination } from '../../backend.js';
import { modelSize, type MipModel } from '../../mip.js';
import { isWasmFailure } from '../../../wasm/failure.js';
import { HIGHS_MEMORY_LIMIT_BYTES, highsMemoryBytes, highsPoisoned, highsRecentLog, highsRuntime, poisonHighs } from '../../../wasm/highs.js';
import { highs as entry } from './index.js';

/** HiGHS `primal_solution_status` value meaning a feasible primal point is stored. */
const SOLUTION_FEASIBLE = 2;

function toModelData(highs: Highs, model: MipModel): ModelData {
  const inf = highs.infinity;
  const clamp = (v: number): number => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  const n = model.columns.length;
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  const colCost = new Float64Array(n);
  const integrality = new Int32Array(n);
  model.columns.forEach((c, j) => {
    const binary = c.kind === 'binary';
    colLower[j] = clamp(binary ? Math.max(c.lb, 0) : c.lb);
    colUpper[j] = clamp(binary ? Math.min(c.ub, 1) : c.ub);
    colCost[j] = c.obj;
    integrality[j] = c.kind === 'continuous' ? highs.constants.variableType.continuous : highs.constants.variableType.integer;
  });
  let nnz = 0;
  for (const r of model.rows) nnz += r.cols.length;
  const starts = new Int32Array(model.rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(model.rows.length);
  const rowUpper = new Float64Array(model.rows.length);
  let k = 0;
  model.rows.forEach((r, i) => {
    starts[i] = k;
    r.cols.forEach((col, t) => {
      indices[k] = col;
      values[k] = r.coefs[t] ?? 0;
      k++;
    });
    rowLower[i] = clamp(r.lb);
    rowUpper[i] = clamp(r.ub);
  });
  starts[model.rows.length] = k;
  const isMip = model.columns.some((c) => c.kind !== 'continuous');
  return {
    numCols: n,
    numRows: model.rows.length,
    sense: model.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: model.objOffset ?? 0,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: model.rows.length, numCols: n, starts, indices, values },
    ...(isMip ? { integrality } : {}),
  };
}

function terminationOf(highs: Highs, status: ModelStatusCode, gap: number | null, nodeLimited: boolean): { termination: MipTermination; message?: string } {
  const s = highs.constants.modelStatus;
  switch (status) {
    case s.optimal:
      return { termination: gap !== null && gap > 1e-9 ? 'gap-reached' : 'optimal' };
    case s.empty:
      return { termination: 'optimal' };
    case s.infeasible:
      return { termination: 'infeasible' };
    case s.unbounded:
      return { termination: 'unbounded' };
    case s.timeLimit:
      return { termination: 'time-limit' };
    case s.interrupted:
      return { termination: 'interrupted' };
    case s.solutionLimit:
      // HiGHS reports its node and leaf limits as a solution limit; no solution-count limit is set.
      if (nodeLimited) return { termination: 'node-limit' };
      return { termination: 'time-limit', message: `HiGHS stopped on a limit (model status ${status})` };
    case s.iterationLimit:
    case s.objectiveBound:
    case s.objectiveTarget:
      return { termination: 'time-limit', message: `HiGHS stopped on a limit (model status ${status})` };
    case s.unboundedOrInfeasible:
      return { termination: 'error', message: 'HiGHS could not tell infeasible from unbounded' };
    default:
      return { termination: 'error', message: `HiGHS failed with model status ${status}` };
  }
}

function wasmFailureMessage(model: MipModel, highs: Highs | undefined, error: unknown): string {
  const size = modelSize(model);
  const detail = error instanceof Error ? error.message : String(error);
  const where = `a model with ${size.columns} columns / ${size.nonzeros} nonzeros`;
  const outOfMemory = /memory/i.test(detail) || (highs !== undefined && highs.memoryBytes > 0.9 * HIGHS_MEMORY_LIMIT_BYTES);
  if (outOfMemory) return `HiGHS ran out of WebAssembly memory (2 GiB) on ${where}; reduce the school size or use the decomposed mode (${detail})`;
  const log = highsRecentLog().slice(-3).join(' | ');
  return `HiGHS aborted inside WebAssembly on ${where}: ${detail}${log ? ` (last output: ${log})` : ''}; the solver runtime was discarded`;
}

function numberInfo(read: () => number | bigint): number | null {
  try {
    const v = Number(read());
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

export const highsBackend: Backend = {
  poisoned: () => highsPoisoned() !== undefined,
  memoryBytes: highsMemoryBytes,
  async solve(model: MipModel, options: MipSolveOptions, hooks: MipSolveHooks): Promise<MipResult> {
    const { onProgress, onIncumbent, shouldStop } = hooks;
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    let highs: Highs | undefined;
    let instance: ReturnType<Highs['createModel']> | undefined;
    const notes: string[] = [];
    try {
      highs = await highsRuntime();
      const h = highs;
      instance = h.createModel(toModelData(h, model));
      instance.options.set({
        output_flag: false,
        presolve: 'on',
        time_limit: options.timeLimitSeconds,
        mip_rel_gap: options.mipGap,
        random_seed: options.seed,
        ...(options.nodeLimit !== undefined ? { mip_max_nodes: options.nodeLimit } : {}),
      });
      const isMip = model.columns.some((c) => c.kind !== 'continuous');
      if (options.start !== undefined) {
        if (options.start.length !== model.columns.length) notes.push(`MIP start ignored: ${options.start.length} values for ${model.columns.length} columns`);
        else instance.setSolution({ colValue: Float64Array.from(options.start) });
      }
      const ct = h.constants.callbackType;
      const stop = shouldStop ?? ((): boolean => false);
      const callbacks: HighsCallbackMap = isMip
        ? {
            [ct.mipImprovingSolution](event) {
              const v = event.data.mip_solution;
              const z = event.data.objective_function_value;
              if (v !== undefined && z !== undefined && onIncumbent) onIncumbent({ seconds: seconds(), objective: z, values: Array.from(v) });
              return undefined;
            },
            [ct.mipLogging](event) {
              const d = event.data;
              onProgress?.({
                seconds: seconds(),
                objective: Number.isFinite(d.mip_primal_bound) ? (d.mip_primal_bound ?? null) : null,
                bound: Number.isFinite(d.mip_dual_bound) ? (d.mip_dual_bound ?? null) : null,
                gap: Number.isFinite(d.mip_gap) ? (d.mip_gap ?? null) : null,
              });
              return undefined;
            },
            [ct.mipInterrupt](event) {
              if (stop()) event.interrupt();
              return undefined;
            },
          }
        : {
            [ct.simplexInterrupt](event) {
              if (stop()) event.interrupt();
              return undefined;
            },
          };
      let status = instance.run(callbacks).modelStatus;
      if (status === h.constants.modelStatus.unboundedOrInfeasible) {
        // Presolve cannot tell the two apart; the unreduced model can, and such models are cut short quickly.
        instance.clearSolver();
        instance.options.set({ presolve: 'off', time_limit: Math.max(1, options.timeLimitSeconds - seconds()) });
        status = instance.run(callbacks).modelStatus;
      }
      const m = instance;
      const hasPoint = numberInfo(() => m.info.get('primal_solution_status')) === SOLUTION_FEASIBLE;
      const values = hasPoint ? Array.from(m.getSolution().colValue) : null;
      const objective = hasPoint ? m.getObjectiveValue() : null;
      let bound: number | null = null;
      let gap: number | null = null;
      if (isMip) {
        bound = numberInfo(() => m.info.get('mip_dual_bound'));
        gap = hasPoint ? numberInfo(() => m.info.get('mip_gap')) : null;
      } else if (status === h.constants.modelStatus.optimal) {
        bound = objective;
        gap = 0;
      }
      const { termination, message } = terminationOf(h, status, gap, options.nodeLimit !== undefined);
      if (message !== undefined) notes.push(message);
      return {
        termination,
        values: termination === 'infeasible' || termination === 'unbounded' ? null : values,
        objective: termination === 'infeasible' || termination === 'unbounded' ? null : objective,
        bound,
        gap,
        seconds: seconds(),
        backend: entry.name,
        ...(notes.length > 0 ? { message: notes.join('; ') } : {}),
      };
    } catch (error) {
      const wasm = isWasmFailure(error);
      const message = wasm ? wasmFailureMessage(model, highs, error) : `HiGHS failed: ${error instanceof Error ? error.message : String(error)}`;
      if (wasm) poisonHighs(message);
      return errorResult(entry.name, message, seconds());
    } finally {
      try {
        instance?.dispose();
      } catch {
        // A runtime that aborted may refuse even dispose(); it is poisoned and will be discarded.
      }
    }
  },
};

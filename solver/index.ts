/**
 * The solver layer: solve a {@link MipModel} in a worker thread with a named backend, ask what a
 * backend can do, export models for external solvers and read their solutions back.
 */
export { solveMip, workerDeadlineMs, INTERRUPT_GRACE_MS, type SolveMipOptions } from './run.js';
export { shutdownSolverWorkers } from './worker-pool.js';
export { BACKEND_NAMES, backendCapabilities, backendInstalled, type BackendName } from './backends/index.js';
export { checkFeasibility, objectiveValue, type FeasibilityReport } from './feasibility.js';
export { writeLp, type WrittenModel } from './lp-format.js';
export { writeMps, type MpsStyle } from './mps-format.js';
export { readSolutionFile, type SolutionFileValues } from './solution-file.js';
export type {
  Backend,
  BackendCapabilities,
  BackendEntry,
  MipIncumbent,
  MipProgress,
  MipResult,
  MipSolveHooks,
  MipSolveOptions,
  MipTermination,
} from './backend.js';
export { extractSubmodel, type ColumnSet, type Submodel, type SubmodelOptions } from './submodel.js';
export { modelSize, type MipModel, type MipColumn, type MipRow, type VarKind } from './mip.js';

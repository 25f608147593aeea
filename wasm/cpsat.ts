/**
 * The one place CP-SAT (Google OR-Tools, compiled to WebAssembly by the npm package
 * `or-tools-wasm`, Apache-2.0, about 320 MB: an optional peer dependency, so a plain `npm install`
 * leaves it out and `npm install --no-save or-tools-wasm` adds it) is loaded: lazily, only
 * when the cpsat backend is asked for, once per worker thread. Its first solve compiles most of
 * the module (4–9 s measured here, benchmarks/notes.md), time that would otherwise be taken from
 * the first real solve's limit, so loading ends with a one-variable solve. After a WebAssembly
 * abort the runtime is marked poisoned and its worker is discarded, as for HiGHS.
 */

/** The package's CP-SAT entry point; a variable, so that compiling never needs the optional package. */
const CP_SAT_MODULE: string = 'or-tools-wasm/cp-sat';

/** The part of or-tools-wasm's CP-SAT model (its `CpModelProto`, a protobuf as JSON) this project writes. */
export interface CpModel {
  readonly variables: readonly { readonly domain: readonly number[] }[];
  readonly constraints?: readonly {
    readonly linear: { readonly vars: readonly number[]; readonly coeffs: readonly number[]; readonly domain: readonly number[] };
  }[];
  /** Minimises scalingFactor × (Σ coeffs·x + offset). */
  readonly objective?: { readonly vars: readonly number[]; readonly coeffs: readonly number[]; readonly offset?: number; readonly scalingFactor?: number };
  readonly solutionHint?: { readonly vars: readonly number[]; readonly values: readonly number[] };
}

/** The part of CP-SAT's `CpSolverResponse` read here; the objective and bound are in the model's own scale. */
export interface CpResponse {
  readonly status?: 'UNKNOWN' | 'MODEL_INVALID' | 'FEASIBLE' | 'INFEASIBLE' | 'OPTIMAL' | number;
  readonly solution?: readonly (number | bigint | string)[];
  readonly bestObjectiveBound?: number;
}

/** The part of or-tools-wasm's `CpSatApi` used here (checked against version 0.9.1). */
export interface CpSatApi {
  loadModule(): Promise<unknown>;
  createModel(model: CpModel): Promise<Uint8Array>;
  solve(
    model: Uint8Array,
    params?: { maxTimeInSeconds?: number; relativeGapLimit?: number; randomSeed?: number; numSearchWorkers?: number },
  ): Promise<{ response: CpResponse | null }>;
  validate(model: Uint8Array): Promise<{ ok: boolean; message: string }>;
}

/** Thrown when the optional package is not installed. */
export class CpSatMissingError extends Error {
  constructor(cause: unknown) {
    super('the cpsat backend needs the optional package or-tools-wasm: npm install or-tools-wasm', { cause });
    this.name = 'CpSatMissingError';
  }
}

let runtime: Promise<CpSatApi> | undefined;
let poisonReason: string | undefined;

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

async function createRuntime(): Promise<CpSatApi> {
  let api: CpSatApi;
  try {
    api = ((await import(CP_SAT_MODULE)) as { CpSat: CpSatApi }).CpSat;
  } catch (error) {
    if (isMissingModule(error)) throw new CpSatMissingError(error);
    throw error;
  }
  await api.loadModule();
  const warmUp = await api.createModel({ variables: [{ domain: [0, 1] }], objective: { vars: [0], coeffs: [1] } });
  // A short limit: the runtime keeps a thread asleep until the limit has passed, holding its worker open.
  await api.solve(warmUp, { maxTimeInSeconds: 1, numSearchWorkers: 1 });
  return api;
}

/**
 * The loaded CP-SAT runtime, created on first use in this thread.
 * @throws CpSatMissingError when or-tools-wasm is not installed; an Error once the runtime is poisoned.
 */
export function cpSatRuntime(): Promise<CpSatApi> {
  if (poisonReason !== undefined) return Promise.reject(new Error(`CP-SAT runtime is unusable after an abort: ${poisonReason}`));
  const loading =
    runtime ??
    createRuntime().catch((error: unknown) => {
      runtime = undefined;
      throw error;
    });
  runtime = loading;
  return loading;
}

/** Marks this thread's runtime as unusable (after a WASM abort or out-of-memory). */
export function poisonCpSat(reason: string): void {
  poisonReason ??= reason;
}

/** Why the runtime is unusable, or undefined while it is healthy. */
export function cpSatPoisoned(): string | undefined {
  return poisonReason;
}

/**
 * The messages that cross the worker boundary, validated with zod on arrival: the job header
 * (main → worker) and the incumbent/progress stream (worker → main).
 */
import { z } from 'zod';
import type { MipResult } from './backend.js';
import type { MessagePort } from 'node:worker_threads';
import { BACKEND_NAMES } from './backends/index.js';
import type { MipModel } from './mip.js';

/** Ways to make a worker fail on purpose, so tests can exercise the containment paths. */
export const TEST_CRASHES = ['exit', 'wasm-abort', 'hang'] as const;
export type TestCrash = (typeof TEST_CRASHES)[number];

export const jobSchema = z.object({
  jobId: z.number().int().nonnegative(),
  backend: z.enum(BACKEND_NAMES),
  options: z.object({
    timeLimitSeconds: z.number().positive(),
    mipGap: z.number().nonnegative(),
    seed: z.number().int().nonnegative(),
    start: z.array(z.number()).optional(),
    nodeLimit: z.number().int().nonnegative().optional(),
  }),
  testCrash: z.enum(TEST_CRASHES).optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const workerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('incumbent'), jobId: z.number(), seconds: z.number(), objective: z.number(), values: z.array(z.number()) }),
  z.object({
    type: z.literal('progress'),
    jobId: z.number(),
    seconds: z.number(),
    objective: z.number().nullable(),
    bound: z.number().nullable(),
    gap: z.number().nullable(),
  }),
]);
export type WorkerEvent = z.infer<typeof workerEventSchema>;

/** What the worker answers; `poisoned` means its WASM runtime must not be used again. */
export interface WorkerReply {
  readonly result: MipResult;
  readonly poisoned: boolean;
  /** What the thread holds once the solve has ended (see {@link WorkerMemory}). */
  readonly memory: WorkerMemory;
}

/** Memory a solver worker thread holds between solves, in bytes. */
export interface WorkerMemory {
  /** The backend runtime's WebAssembly memory: it never shrinks while the thread lives. */
  readonly wasmBytes: number;
  /** The thread's JavaScript heap (V8's `total_heap_size`: what it has taken from the system). */
  readonly heapBytes: number;
}

/** The worker API exposed through comlink. */
export interface WorkerApi {
  solve(job: unknown, model: MipModel, events: MessagePort, stopFlag: SharedArrayBuffer): Promise<WorkerReply>;
}

/**
 * Checks that a model is well formed (index ranges, equal lengths, finite coefficients) before
 * it enters WebAssembly, where a bad index would be an abort rather than an error.
 * @returns the first problem found, or undefined.
 */
export function modelShapeProblem(model: MipModel): string | undefined {
  // The model arrives by structured clone without a zod parse (its size would make one costly), so
  // its type is only the sender's word: the top level is checked as the unknown value it is.
  const raw: unknown = model;
  if (raw === null || typeof raw !== 'object' || !('columns' in raw) || !Array.isArray(raw.columns) || !('rows' in raw) || !Array.isArray(raw.rows))
    return 'model must have columns and rows arrays';
  if (!('sense' in raw) || (raw.sense !== 'max' && raw.sense !== 'min')) return `model sense must be 'max' or 'min'`;
  const n = model.columns.length;
  for (const c of model.columns) {
    if (!Number.isFinite(c.obj)) return `column ${c.name}: objective ${c.obj} is not finite`;
    if (Number.isNaN(c.lb) || Number.isNaN(c.ub) || c.lb > c.ub) return `column ${c.name}: bounds [${c.lb}, ${c.ub}] are invalid`;
  }
  for (const r of model.rows) {
    if (r.cols.length !== r.coefs.length) return `row ${r.name}: ${r.cols.length} columns but ${r.coefs.length} coefficients`;
    if (Number.isNaN(r.lb) || Number.isNaN(r.ub)) return `row ${r.name}: bounds are NaN`;
    const seen = new Set<number>();
    for (let k = 0; k < r.cols.length; k++) {
      const col = r.cols[k] ?? -1;
      if (!Number.isInteger(col) || col < 0 || col >= n) return `row ${r.name}: column index ${col} out of range`;
      if (seen.has(col)) return `row ${r.name}: column ${col} appears twice`;
      seen.add(col);
      if (!Number.isFinite(r.coefs[k])) return `row ${r.name}: coefficient ${r.coefs[k] ?? NaN} is not finite`;
    }
  }
  return undefined;
}

/**
 * The variant worker's entry: solves one scenario per job with the engine (whose MIPs run in
 * solver workers of this thread's own) and posts the outcome back. A solve that throws is
 * answered with its message; only a crash of this thread itself is left to the pool to see.
 */
import { parentPort } from 'node:worker_threads';
import { solveMip } from '../../solver/run.js';
import { solve, type SolveProgress } from '../engine/solve.js';
import type { SolverName } from '../scenario/schema.js';
import { solveOptionsOf, variantJobSchema, type VariantJob, type VariantReply } from './variant-messages.js';

if (!parentPort) throw new Error('variant-worker.ts runs only as a worker thread');
const port = parentPort;

function crashOnPurpose(kind: NonNullable<VariantJob['testCrash']>): void {
  if (kind === 'exit') process.exit(3);
  if (kind === 'throw') throw new Error('simulated crash of the variant worker (test)');
  const flag = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(flag, 0, 0, 1000); // blocks until terminate()
}

const warm = new Set<string>();

/**
 * Starts this thread's solver workers (thread and WebAssembly) with a one-column program before
 * the first solve on a backend, so that a fresh variant worker's start-up is not taken from the
 * scenario's time limit, as it is not for a solve in a thread whose solver workers are running.
 */
async function warmSolverWorkers(backend: SolverName, workers: number): Promise<void> {
  const key = `${backend}×${workers}`;
  if (warm.has(key)) return;
  warm.add(key);
  const model = { sense: 'max' as const, columns: [{ name: 'x', kind: 'binary' as const, lb: 0, ub: 1, obj: 1 }], rows: [] };
  // A backend that cannot start here fails again in the solve, which reports it in its outcome.
  await Promise.all(Array.from({ length: workers }, () => solveMip(model, { backend, timeLimitSeconds: 10, mipGap: 0, seed: 1 }).catch(() => undefined)));
}

async function answer(raw: unknown): Promise<VariantReply> {
  const parsed = variantJobSchema.safeParse(raw);
  const jobId = typeof raw === 'object' && raw !== null && typeof (raw as { jobId?: unknown }).jobId === 'number' ? (raw as { jobId: number }).jobId : 0;
  if (!parsed.success)
    return { type: 'error', jobId, message: `invalid variant job: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  const job = parsed.data;
  try {
    // The engine keeps up to 2 solver workers busy unless told fewer.
    await warmSolverWorkers(job.options.solver ?? job.scenario.policy.solver, Math.min(2, job.options.parallel ?? 2));
    const onProgress = job.progress
      ? (progress: SolveProgress) => {
          port.postMessage({ type: 'progress', jobId: job.jobId, progress } satisfies VariantReply);
        }
      : undefined;
    return { type: 'outcome', jobId: job.jobId, outcome: await solve(job.scenario, { ...solveOptionsOf(job.options), ...(onProgress ? { onProgress } : {}) }) };
  } catch (err: unknown) {
    return { type: 'error', jobId: job.jobId, message: err instanceof Error ? err.message : String(err) };
  }
}

port.on('message', (raw: unknown) => {
  const crash = variantJobSchema.shape.testCrash.safeParse((raw as { testCrash?: unknown } | null)?.testCrash);
  // Thrown here, outside any promise, so that it is an uncaught exception of the thread.
  if (crash.success && crash.data !== undefined) crashOnPurpose(crash.data);
  void answer(raw).then((reply) => {
    port.postMessage(reply);
  });
});

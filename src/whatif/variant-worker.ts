/**
 * The variant worker's entry: solves one scenario per job with the engine (whose MIPs run in
 * solver workers of this thread's own) and posts the outcome back. A solve that throws is
 * answered with its message; only a crash of this thread itself is left to the pool to see.
 */
import { parentPort } from 'node:worker_threads';
import { solve } from '../engine/solve.js';
import { solveOptionsOf, variantJobSchema, type VariantJob, type VariantReply } from './variant-messages.js';

if (!parentPort) throw new Error('variant-worker.ts runs only as a worker thread');
const port = parentPort;

function crashOnPurpose(kind: NonNullable<VariantJob['testCrash']>): void {
  if (kind === 'exit') process.exit(3);
  if (kind === 'throw') throw new Error('simulated crash of the variant worker (test)');
  const flag = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(flag, 0, 0, 1000); // blocks until terminate()
}

async function answer(raw: unknown): Promise<VariantReply> {
  const parsed = variantJobSchema.safeParse(raw);
  const jobId = typeof raw === 'object' && raw !== null && typeof (raw as { jobId?: unknown }).jobId === 'number' ? (raw as { jobId: number }).jobId : 0;
  if (!parsed.success) return { type: 'error', jobId, message: `invalid variant job: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  const job = parsed.data;
  try {
    return { type: 'outcome', jobId: job.jobId, outcome: await solve(job.scenario, solveOptionsOf(job.options)) };
  } catch (err: unknown) {
    return { type: 'error', jobId: job.jobId, message: err instanceof Error ? err.message : String(err) };
  }
}

port.on('message', (raw: unknown) => {
  const crash = variantJobSchema.shape.testCrash.safeParse((raw as { testCrash?: unknown } | null)?.testCrash);
  // Thrown here, outside any promise, so that it is an uncaught exception of the thread.
  if (crash.success && crash.data !== undefined) crashOnPurpose(crash.data);
  void answer(raw).then((reply) => port.postMessage(reply));
});

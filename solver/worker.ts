/**
 * The worker_threads entry: exposes the backends through comlink, validates each job at the
 * boundary, streams incumbents and progress to the main thread on a dedicated port, and polls
 * a shared stop flag so the main thread can interrupt a solve that blocks this thread.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { errorResult, type Backend } from './backend.js';
import { loadBackend } from './backends/index.js';
import { jobSchema, modelShapeProblem, type WorkerApi, type WorkerEvent, type WorkerMemory, type WorkerReply } from './protocol.js';

/** What this thread holds now: its backend's WebAssembly memory (if it was loaded) and its JavaScript heap. */
function memory(backend?: Backend): WorkerMemory {
  return { wasmBytes: backend?.memoryBytes?.() ?? 0, heapBytes: getHeapStatistics().total_heap_size };
}

const api: WorkerApi = {
  async solve(rawJob, model, events, stopFlag): Promise<WorkerReply> {
    const port = events;
    try {
      const parsed = jobSchema.safeParse(rawJob);
      if (!parsed.success) return { result: errorResult('unknown', `invalid solve job: ${parsed.error.message}`), poisoned: false, memory: memory() };
      const job = parsed.data;
      const problem = modelShapeProblem(model);
      if (problem !== undefined) return { result: errorResult(job.backend, `invalid model: ${problem}`), poisoned: false, memory: memory() };
      const flag = new Int32Array(stopFlag);
      let shouldStop = (): boolean => Atomics.load(flag, 0) !== 0;
      if (job.testCrash === 'exit') process.exit(70);
      if (job.testCrash === 'hang') for (;;) Atomics.load(flag, 1); // never returns: only terminate() ends it
      if (job.testCrash === 'wasm-abort') {
        shouldStop = (): boolean => {
          const abort = new Error('Aborted(simulated abort for tests)');
          abort.name = 'RuntimeError';
          throw abort;
        };
      }
      // Loaded on demand, so that an optional package (the GPL glpk.js) is imported only when asked for.
      const backend = await loadBackend(job.backend);
      const post = (event: WorkerEvent): void => {
        port.postMessage(event);
      };
      const { start, nodeLimit, ...rest } = job.options;
      const result = await backend.solve(
        model,
        { ...rest, ...(start !== undefined ? { start } : {}), ...(nodeLimit !== undefined ? { nodeLimit } : {}) },
        {
          onProgress: (p) => {
            post({ type: 'progress', jobId: job.jobId, ...p });
          },
          onIncumbent: (i) => {
            post({ type: 'incumbent', jobId: job.jobId, ...i });
          },
          shouldStop,
        },
      );
      return { result, poisoned: backend.poisoned(), memory: memory(backend) };
    } finally {
      port.close();
    }
  },
};

if (parentPort === null) throw new Error('solver/worker must be started as a worker thread');
Comlink.expose(api, nodeEndpoint(parentPort));

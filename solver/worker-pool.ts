/**
 * The solver's worker threads (solver/worker.ts, started by solver/worker-thread.ts): kept idle
 * for reuse while healthy, at most {@link MAX_IDLE} of them, and discarded once they crash, time
 * out, report a poisoned solver runtime, or hold more memory than {@link workerMemoryLimit}.
 *
 * Why the memory limit: a WebAssembly memory grows to the largest model its thread has solved
 * and never shrinks while the thread lives, and a thread's JavaScript heap keeps the copies of
 * the models it received until its collector runs. On the 3,500-student benchmark school a
 * worker that had solved the placement program on the greedy board (213,094 columns) kept
 * 274 MB of WebAssembly memory and up to 246 MB of heap through every later search step. A
 * retired thread costs a respawn (about 0.2 s here) and its next solve grows only as far as
 * that solve needs.
 */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi, WorkerMemory } from './protocol.js';
import { spawnWorkerThread, type WorkerThread } from './worker-thread.js';

export type { WorkerFailure } from './worker-thread.js';

export interface SolverWorker {
  readonly thread: WorkerThread;
  /**
   * The worker's API through comlink. Its methods already return promises, so comlink's `Remote`
   * has the same call shape; typed as {@link WorkerApi} so the published types need no DOM lib.
   */
  readonly api: WorkerApi;
}

/** Two cores: more idle workers than this would only hold memory. */
const MAX_IDLE = 2;
const idle: SolverWorker[] = [];

/**
 * Default most bytes (WebAssembly memory and JavaScript heap together) a worker may hold to be
 * kept for the next solve: 384 MB, so that two idle workers hold at most about 0.75 GB of the
 * 2 GB a 3,500-student school's solve is meant to stay within (benchmarks/notes.md, "Peak
 * memory of L and XL"), while the workers of most search steps (about 230–330 MB there) are kept.
 */
export const DEFAULT_WORKER_MEMORY_LIMIT = 384 * 1024 ** 2;
let memoryLimit = DEFAULT_WORKER_MEMORY_LIMIT;

/**
 * Sets the most bytes a worker may hold after its solve and still be kept idle for the next one
 * (a host with memory to spare may trade it for fewer respawns); returns the previous limit.
 * @throws TypeError unless `bytes` is a positive number.
 */
export function setWorkerMemoryLimit(bytes: number): number {
  if (!(bytes > 0)) throw new TypeError(`setWorkerMemoryLimit: ${bytes} is not a positive number of bytes`);
  const previous = memoryLimit;
  memoryLimit = bytes;
  return previous;
}

/** The current limit set by {@link setWorkerMemoryLimit}. */
export function workerMemoryLimit(): number {
  return memoryLimit;
}

/** How many healthy workers are idle, waiting for the next solve. */
export function idleWorkerCount(): number {
  return idle.filter((w) => !w.thread.dead).length;
}

function spawn(): SolverWorker {
  const thread = spawnWorkerThread(new URL('./worker.js', import.meta.url));
  const handle: SolverWorker = { thread, api: Comlink.wrap<WorkerApi>(nodeEndpoint(thread.worker)) };
  // An idle worker that dies leaves the idle list at once, so it holds no place there.
  void thread.failure.then(() => {
    const at = idle.indexOf(handle);
    if (at >= 0) idle.splice(at, 1);
  });
  return handle;
}

/** A healthy worker for one solve: an idle one if any, else a new one. */
export function acquireWorker(): SolverWorker {
  let w = idle.pop();
  while (w?.thread.dead) w = idle.pop();
  const handle = w ?? spawn();
  handle.thread.worker.ref();
  return handle;
}

/**
 * Returns a worker whose solve ended normally, with what it holds now; it stays alive without
 * holding the process open, unless it holds more than the memory limit (then it is retired).
 */
export function releaseWorker(handle: SolverWorker, memory: WorkerMemory): void {
  if (handle.thread.dead || idle.length >= MAX_IDLE || memory.wasmBytes + memory.heapBytes > memoryLimit) {
    discardWorker(handle);
    return;
  }
  handle.thread.worker.unref();
  idle.push(handle);
}

/** Terminates a worker that must never be reused. */
export function discardWorker(handle: SolverWorker): void {
  void handle.thread.terminate();
}

/** Terminates the idle workers (e.g. before a CLI exits or between test files). */
export async function shutdownSolverWorkers(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((w) => w.thread.terminate()));
}

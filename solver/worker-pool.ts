/**
 * The solver's worker threads (solver/worker.ts, started by solver/worker-thread.ts): kept idle
 * for reuse while healthy, at most {@link MAX_IDLE} of them, and discarded once they crash, time
 * out or report a poisoned solver runtime.
 */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './protocol.js';
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

/** Returns a worker whose solve ended normally; it stays alive without holding the process open. */
export function releaseWorker(handle: SolverWorker): void {
  if (handle.thread.dead || idle.length >= MAX_IDLE) {
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
